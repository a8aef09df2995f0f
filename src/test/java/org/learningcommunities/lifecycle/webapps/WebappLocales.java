package org.learningcommunities.lifecycle.webapps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Camunda webapps' locale files from the classpath: the webjar's own (en) and
 * ours (he), which the application serves at the same paths.
 */
final class WebappLocales {

	private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private WebappLocales() {
	}

	/** The whole locale file of an app ({@code tasklist}, ...) in a language. */
	static JsonNode read(String app, String language) {
		String path = LOCALES.formatted(app, language);
		try (InputStream in = WebappLocales.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("not on the classpath: " + path);
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// the webjar's files start with a byte order mark, which Jackson refuses
			return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path + " is not valid JSON", ex);
		}
	}

	/** The labels of an app in a language, by key. */
	static Map<String, String> labels(String app, String language) {
		JsonNode labels = read(app, language).path("labels");
		if (!labels.isObject()) {
			throw new IllegalStateException(app + "/" + language + ".json has no object \"labels\"");
		}
		Map<String, String> result = new TreeMap<>();
		labels.properties().forEach((label) -> {
			if (!label.getValue().isTextual()) {
				throw new IllegalStateException(app + "/" + language + ".json: " + label.getKey() + " is not a text");
			}
			result.put(label.getKey(), label.getValue().asText());
		});
		return result;
	}

}
