package org.learningcommunities.lifecycle.webapps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hebrew translations of the Camunda webapps against the English texts of the webjar
 * on the classpath: a Camunda upgrade that adds, renames or removes a label fails here,
 * naming the keys, instead of showing a raw key (or an English text) to a leader.
 */
class WebappTranslationsTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

	private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

	private static final Pattern HEBREW_LETTER = Pattern.compile("\\p{InHebrew}");

	/** Labels that stay in Latin letters in Hebrew: names of products. */
	private static final Set<String> NAMES = Set.of("APP_VENDOR", "COCKPIT_APP", "COCKPIT");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "admin", "cockpit" })
	void everyLabelOfTheWebjarHasAHebrewEntryWithTheSamePlaceholders(String app) {
		JsonNode english = WebappLocales.read(app, "en");
		JsonNode hebrew = WebappLocales.read(app, "he");

		Map<String, String> englishLabels = WebappLocales.labels(app, "en");
		Map<String, String> hebrewLabels = WebappLocales.labels(app, "he");
		Set<String> missing = new TreeSet<>(englishLabels.keySet());
		missing.removeAll(hebrewLabels.keySet());
		Set<String> unknown = new TreeSet<>(hebrewLabels.keySet());
		unknown.removeAll(englishLabels.keySet());
		assertThat(missing)
			.as("labels of the webjar's %s/en.json missing from our %s/he.json (translate them)", app, app)
			.isEmpty();
		assertThat(unknown).as("labels of our %s/he.json that the webjar no longer has (remove them)", app).isEmpty();

		List<String> wrongPlaceholders = new ArrayList<>();
		englishLabels.forEach((key, text) -> {
			if (!placeholders(text).equals(placeholders(hebrewLabels.get(key)))) {
				wrongPlaceholders.add(key + ": " + placeholders(text) + " but " + placeholders(hebrewLabels.get(key)));
			}
		});
		assertThat(wrongPlaceholders).as("labels whose {{placeholders}} differ from English").isEmpty();

		if (english.has("dateLocales")) {
			assertThat(hebrew.path("dateLocales").path("months")).as(app + ": Hebrew month names").hasSize(12);
			assertThat(hebrew.path("dateLocales").path("weekdays")).as(app + ": Hebrew day names").hasSize(7);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome" })
	void tasklistAndTheWelcomePageAreTranslatedInFull(String app) {
		Map<String, String> english = WebappLocales.labels(app, "en");
		Map<String, String> hebrew = WebappLocales.labels(app, "he");

		List<String> untranslated = english.entrySet()
			.stream()
			.filter((label) -> !NAMES.contains(label.getKey()))
			.filter((label) -> LATIN_WORD.matcher(withoutMarkup(label.getValue())).find())
			.filter((label) -> !HEBREW_LETTER.matcher(hebrew.getOrDefault(label.getKey(), "")).find())
			.map(Map.Entry::getKey)
			.toList();
		assertThat(untranslated).as("%s labels still in English", app).isEmpty();
	}

	private static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String withoutMarkup(String text) {
		return text.replaceAll("<[^>]*>", "").replaceAll("&[a-z]+;", "");
	}

}
