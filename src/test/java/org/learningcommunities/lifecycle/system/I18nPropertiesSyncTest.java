package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a user reads comes from a bundle, in both languages: each key of an English
 * bundle ({@code messages/<name>.properties}) is in its Hebrew one
 * ({@code <name>_he.properties}) and the other way round, and the page templates hold no
 * text of their own (after spring-petclinic's test of the same name).
 */
class I18nPropertiesSyncTest {

	/** Text between two tags with a letter in it, on a line that sets no text itself. */
	private static final Pattern HARD_CODED_TEXT = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "mail" })
	void everyKeyIsInBothLanguages(String bundle) throws IOException {
		Properties english = load("messages/" + bundle + ".properties");
		Properties hebrew = load("messages/" + bundle + "_he.properties");

		assertThat(english).isNotEmpty();
		assertThat(hebrew.keySet()).as("keys of %s_he.properties", bundle)
			.containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void pageTemplatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (String folder : List.of("fragments", "recruitment")) {
			try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates", folder))) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
					List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
					for (int i = 0; i < lines.size(); i++) {
						String line = lines.get(i);
						Matcher text = HARD_CODED_TEXT.matcher(line);
						if (!line.contains("th:text") && !line.strip().startsWith("<!--") && text.find()) {
							found.add(file + ":" + (i + 1) + ": " + text.group(1).strip());
						}
					}
				}
			}
		}
		assertThat(found).as("text in templates instead of messages/messages*.properties").isEmpty();
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nPropertiesSyncTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
