package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The explicit mappings of one model, kept beside the code in
 * {@code model-changes/<process key>.properties}: for each activity of an older version
 * that the current version no longer has under the same id and scope (renamed, moved into
 * a sub-process, replaced), the activity of the current version that takes its place, as
 * {@code map.<older activity id> = <current activity id>}. Everything else maps to the
 * activity of the same id (docs/adr/0023-models-change-while-communities-run.md).
 *
 * @param mappings older activity id to current activity id
 */
record ModelChanges(Map<String, String> mappings) {

	static final String FOLDER = "model-changes/";

	private static final String MAP = "map.";

	/** The mappings of the model, none when it has no file. */
	static ModelChanges of(String processKey) {
		Map<String, String> mappings = new TreeMap<>();
		try (InputStream in = ModelChanges.class.getClassLoader()
			.getResourceAsStream(FOLDER + processKey + ".properties")) {
			if (in != null) {
				Properties properties = new Properties();
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String name : properties.stringPropertyNames()) {
					if (!name.startsWith(MAP)) {
						throw new IllegalStateException(
								FOLDER + processKey + ".properties: '" + name + "' is not map.<activity id>");
					}
					mappings.put(name.substring(MAP.length()), properties.getProperty(name).trim());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ModelChanges(mappings);
	}

}
