package org.learningcommunities.lifecycle.workspace;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.system.FormSchema;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule a form declares is refused in a sentence of the reader's own, never in the
 * server's English, a key or a pattern.
 */
class FieldMessagesTests {

	private static final Locale HEBREW = Locale.forLanguageTag("he");

	private final FieldMessages messages = new FieldMessages(messages());

	@Test
	void everyRuleOfAFormIsRefusedInHebrewWordsOfItsOwn() throws IOException {
		FormSchema form = FormSchema.parse(new ObjectMapper().readTree("""
				{"id": "f", "components": [
				  {"type": "textfield", "key": "name", "label": "Name", "validate": {"required": true}},
				  {"type": "textfield", "key": "code", "label": "Code", "validate": {"pattern": "^[a-z]+$"}},
				  {"type": "textarea", "key": "note", "label": "Note", "validate": {"minLength": 5, "maxLength": 8}},
				  {"type": "number", "key": "size", "label": "Size", "decimalDigits": 0,
				   "validate": {"min": 30, "max": 40}},
				  {"type": "number", "key": "whole", "label": "Whole", "decimalDigits": 0},
				  {"type": "datetime", "key": "day", "subtype": "date", "dateLabel": "Day"},
				  {"type": "radio", "key": "choice", "label": "Choice", "values": [{"label": "A", "value": "a"}]},
				  {"type": "checklist", "key": "many", "label": "Many", "values": [{"label": "A", "value": "a"}]}
				]}"""));
		List<FieldError> errors = form.validate(Map.of("code", "ABC!", "note", "abc", "size", 41, "whole", 2.5, "day",
				"tomorrow", "choice", "z", "many", List.of("a", "a")));
		errors = new java.util.ArrayList<>(errors);
		errors.addAll(form.validate(Map.of("name", "x", "note", "far too long", "size", 29)));

		assertThat(errors).extracting(FieldError::field)
			.contains("name", "code", "note", "size", "whole", "day", "choice", "many");
		String fallback = this.messages.of("any", new FieldError("x", "something new"), HEBREW);
		for (FieldError error : errors) {
			String hebrew = this.messages.of("f", error, HEBREW);
			assertThat(hebrew).as(error.toString())
				.isNotEqualTo(fallback)
				.containsPattern("\\p{InHebrew}")
				.doesNotContain(error.field())
				.doesNotContain("must")
				.doesNotContain("^[a-z]");
		}
		assertThat(this.messages.of("f", new FieldError("size", "must be at most 40"), HEBREW))
			.isEqualTo("יש להזין 40 או פחות.");
		assertThat(this.messages.of("f", new FieldError("note", "must be at most 8 characters long"), HEBREW))
			.isEqualTo("אפשר לכתוב עד 8 תווים.");
	}

	@Test
	void aHandlersRuleHasWordsOfItsOwnOrAPlainRefusal() {
		assertThat(this.messages.of("screen-candidate",
				new FieldError("screeningNotes", "is required when screening a candidate out"), HEBREW))
			.isEqualTo("כשמחליטים לא להמשיך עם המועמד/ת, יש לכתוב הערה.");
		assertThat(
				this.messages.of("draft-call", new FieldError("deadline", "must be after today (2026-12-07)"), HEBREW))
			.isEqualTo("הערך הזה אינו מתקבל כאן; בדקו אותו ונסו שוב.");
		assertThat(this.messages.of("draft-call", new FieldError("deadline", "must be after today (2026-12-07)"),
				Locale.ENGLISH))
			.isEqualTo("This value is not accepted here; check it and try again.");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
