package org.learningcommunities.lifecycle.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Camunda Form of {@code forms/} in one language, for the task page's form-js viewer.
 * The files write every word twice, Hebrew first: a label {@code "שם מלא · Full name"}, a
 * text block {@code "### מיון · Screen\nHebrew paragraph\n\nEnglish paragraph"}. Tasklist
 * shows both; the workspace shows the reader's half.
 * <p>
 * The form's validation rules are taken out of the copy: the server applies them
 * (docs/adr/0003) and answers in the reader's language, where form-js would answer in
 * English. A required field says so in its label instead.
 */
final class LocalisedForm {

	/** Between the Hebrew and the English half of a form's words. */
	static final String SEPARATOR = " · ";

	private static final Pattern HEBREW = Pattern.compile("\\p{InHebrew}");

	private static final List<String> WORDS = List.of("label", "description", "placeholder", "dateLabel", "timeLabel",
			"text");

	private LocalisedForm() {
	}

	/**
	 * A copy of the form in {@code language} ({@code he}, or anything else for English).
	 * @param requiredMark added to the label of a required field, e.g. {@code " (חובה)"}
	 */
	static JsonNode of(JsonNode form, String language, String requiredMark) {
		JsonNode copy = form.deepCopy();
		localise(copy.path("components"), "he".equals(language), requiredMark);
		return copy;
	}

	private static void localise(JsonNode components, boolean hebrew, String requiredMark) {
		for (JsonNode node : components) {
			if (!(node instanceof ObjectNode component)) {
				continue;
			}
			for (String word : WORDS) {
				if (component.path(word).isTextual()) {
					String value = component.get(word).asText();
					component.put(word, "text".equals(word) ? text(value, hebrew) : half(value, hebrew));
				}
			}
			if (component.path("values").isArray()) {
				for (JsonNode option : component.path("values")) {
					if (option instanceof ObjectNode value && value.path("label").isTextual()) {
						value.put("label", half(value.get("label").asText(), hebrew));
					}
				}
			}
			boolean required = component.path("validate").path("required").asBoolean(false);
			component.remove("validate");
			if (required && component.path("label").isTextual() && !component.path("readonly").asBoolean(false)) {
				component.put("label", component.get("label").asText() + requiredMark);
			}
			if (component.path("components").isArray()) {
				localise(component.path("components"), hebrew, requiredMark);
			}
		}
	}

	/**
	 * A read-only value a handler wrote in both languages (a line "עברית · English" each,
	 * as the mix check's summary) in one; any other value as it is.
	 */
	static Object value(Object value, String language) {
		if (!(value instanceof String text) || !text.contains(SEPARATOR)) {
			return value;
		}
		boolean hebrew = "he".equals(language);
		return text.lines().map((line) -> half(line, hebrew)).collect(java.util.stream.Collectors.joining("\n"));
	}

	/**
	 * One half of {@code "עברית · English"}; a text without the separator is whole. A
	 * half may hold the separator itself ("משימה · באחריות · Task · owed by"): the halves
	 * part where the English begins, the first separator after which no Hebrew letter
	 * comes. A text that mixes both all along (a list of values with their Hebrew
	 * glosses) has no such place and is shown whole, so neither reader loses a word.
	 */
	static String half(String words, boolean hebrew) {
		for (int at = words.indexOf(SEPARATOR); at >= 0; at = words.indexOf(SEPARATOR, at + 1)) {
			if (!HEBREW.matcher(words.substring(at + SEPARATOR.length())).find()) {
				return (hebrew ? words.substring(0, at) : words.substring(at + SEPARATOR.length())).strip();
			}
		}
		return words;
	}

	/**
	 * A text block in one language: its heading's half, and the paragraphs written in
	 * that language (a paragraph with Hebrew letters is Hebrew).
	 */
	static String text(String text, boolean hebrew) {
		List<String> kept = new ArrayList<>();
		for (String paragraph : text.split("\n\n")) {
			List<String> lines = new ArrayList<>();
			boolean any = false;
			for (String line : paragraph.split("\n")) {
				if (line.startsWith("#") || line.contains(SEPARATOR)) {
					lines.add(half(line, hebrew));
					any = true;
				}
				else if (HEBREW.matcher(line).find() == hebrew) {
					lines.add(line);
					any = true;
				}
			}
			if (any) {
				kept.add(String.join("\n", lines));
			}
		}
		return kept.isEmpty() ? text : String.join("\n\n", kept);
	}

}
