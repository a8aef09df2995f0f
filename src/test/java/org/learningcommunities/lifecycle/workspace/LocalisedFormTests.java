package org.learningcommunities.lifecycle.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of {@code forms/} served in one language: no word of the other language
 * left, no validation rule for form-js to answer in English, required fields said so.
 */
class LocalisedFormTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void everyFormInHebrewHoldsOnlyItsHebrewHalf() throws IOException {
		for (Resource file : forms()) {
			JsonNode hebrew = LocalisedForm.of(read(file), "he", " (חובה)");
			List<String> words = words(hebrew.path("components"));
			// a half may hold the separator itself ("משימה · באחריות"), never an English
			// half after it
			assertThat(words).as(file.getFilename())
				.isNotEmpty()
				.noneMatch((word) -> word.matches("(?s).* · [A-Za-z][^\\p{InHebrew}]*"));
			assertThat(hebrew.toString()).as(file.getFilename()).doesNotContain("\"validate\"");
		}
	}

	@Test
	void everyFormInEnglishHoldsOnlyItsEnglishHalf() throws IOException {
		for (Resource file : forms()) {
			JsonNode english = LocalisedForm.of(read(file), "en", " (required)");
			assertThat(words(english.path("components"))).as(file.getFilename())
				// shown whole only when it mixes both languages all along
				.noneMatch((word) -> word.matches("(?s)^[^A-Za-z]*\\p{InHebrew}.*")
						&& !LocalisedForm.half(word, false).equals(word));
		}
	}

	@Test
	void theScreeningFormReadsInHebrewWithItsRequiredFieldsMarked() throws IOException {
		JsonNode form = LocalisedForm.of(
				read(new PathMatchingResourcePatternResolver().getResource("classpath:forms/screen-candidate.form")),
				"he", " (חובה)");
		JsonNode intro = form.path("components").get(0);
		assertThat(intro.path("text").asText()).startsWith("### מיון מועמד/ת\nבדקו את המועמד/ת")
			.doesNotContain("Check the candidate");
		assertThat(form.toString()).contains("\"label\":\"החלטה (חובה)\"")
			.contains("\"label\":\"לזמן לראיון\"")
			.contains("\"label\":\"שם מלא\"")
			.doesNotContain("שם מלא (חובה)");
	}

	@Test
	void aHalfMayHoldTheSeparatorItself() {
		String label = "משימות באיחור (משימה · באחריות · תאריך יעד) · Overdue tasks (task · owed by · due)";
		assertThat(LocalisedForm.half(label, true)).isEqualTo("משימות באיחור (משימה · באחריות · תאריך יעד)");
		assertThat(LocalisedForm.half(label, false)).isEqualTo("Overdue tasks (task · owed by · due)");
	}

	@Test
	void aTextMixingBothLanguagesAllAlongIsShownWhole() {
		String mixed = "סוג | שם · type | title. סוגים · types: video (סרטון), podcast (פודקאסט)";
		assertThat(LocalisedForm.half(mixed, true)).isEqualTo(mixed);
		assertThat(LocalisedForm.half(mixed, false)).isEqualTo(mixed);
	}

	@Test
	void aBilingualReadOnlyValueIsShownInTheReadersLanguage() {
		assertThat(LocalisedForm.value("חסרים גברים · Men are missing\nחסר אזור דרום · The south is missing", "he"))
			.isEqualTo("חסרים גברים\nחסר אזור דרום");
		assertThat(LocalisedForm.value("חסרים גברים · Men are missing", "en")).isEqualTo("Men are missing");
		assertThat(LocalisedForm.value("דנה לוי", "en")).isEqualTo("דנה לוי");
		assertThat(LocalisedForm.value(35, "he")).isEqualTo(35);
	}

	private static Resource[] forms() throws IOException {
		Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form");
		assertThat(forms).hasSizeGreaterThan(30);
		return forms;
	}

	private static JsonNode read(Resource file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return JSON.readTree(in);
		}
	}

	/** The words a reader sees: labels, descriptions, texts and options. */
	private static List<String> words(JsonNode components) {
		List<String> words = new ArrayList<>();
		for (JsonNode component : components) {
			for (String word : List.of("label", "description", "text", "dateLabel", "placeholder")) {
				if (component.path(word).isTextual()) {
					words.add(component.get(word).asText());
				}
			}
			component.path("values").forEach((option) -> words.add(option.path("label").asText()));
			words.addAll(words(component.path("components")));
		}
		return words;
	}

}
