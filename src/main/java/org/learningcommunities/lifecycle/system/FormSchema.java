package org.learningcommunities.lifecycle.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.learningcommunities.lifecycle.system.InputRules.Refusal;

/**
 * The input fields of one Camunda Form (form-js JSON) with the validation the form
 * declares. The server applies the same rules the browser does, because
 * {@code submit-form} over REST bypasses form-js
 * (docs/adr/0003-server-side-form-validation.md).
 */
public record FormSchema(String id, List<Field> fields, List<String> optionKeys) {

	/** The most text a whole submission may carry, all its fields together. */
	public static final int MAX_TOTAL_CHARACTERS = 100_000;

	/** The longest text of a field whose form declares no {@code maxLength}. */
	public static final int DEFAULT_MAX_LENGTH = 4000;

	/** Component types that carry no value. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
			"group", "dynamiclist", "iframe", "table");

	public static FormSchema parse(JsonNode form) {
		List<Field> fields = new ArrayList<>();
		List<String> optionKeys = new ArrayList<>();
		collect(form.path("components"), fields, optionKeys);
		return new FormSchema(form.path("id").asText(), List.copyOf(fields), List.copyOf(optionKeys));
	}

	private static void collect(JsonNode components, List<Field> fields, List<String> optionKeys) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (component.has("components")) {
				collect(component.path("components"), fields, optionKeys);
			}
			if (component.hasNonNull("valuesKey")) {
				// options that come from a variable (the handler prefills it): the
				// handler checks the answer
				optionKeys.add(component.get("valuesKey").asText());
			}
			if (DISPLAY_ONLY.contains(type) || !component.hasNonNull("key")) {
				continue;
			}
			JsonNode validate = component.path("validate");
			List<String> options = new ArrayList<>();
			component.path("values").forEach((option) -> options.add(option.path("value").asText()));
			fields.add(new Field(component.path("key").asText(), type, component.path("label").asText(""),
					component.path("subtype").asText(""),
					component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
					validate.path("required").asBoolean(false), decimal(validate, "min"), decimal(validate, "max"),
					integer(validate, "minLength"), integer(validate, "maxLength"),
					validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null,
					component.path("decimalDigits").isInt() && component.path("decimalDigits").asInt() == 0,
					List.copyOf(options)));
		}
	}

	private static BigDecimal decimal(JsonNode validate, String name) {
		return validate.hasNonNull(name) ? validate.get(name).decimalValue() : null;
	}

	private static Integer integer(JsonNode validate, String name) {
		return validate.hasNonNull(name) ? validate.get(name).asInt() : null;
	}

	/** The keys of the fields a user fills in (not the read-only context). */
	public List<String> inputKeys() {
		return this.fields.stream().filter((field) -> !field.readonly()).map(Field::key).toList();
	}

	public List<String> keys() {
		return this.fields.stream().map(Field::key).toList();
	}

	/**
	 * The variables a form opens with: its fields, and the options of fields whose
	 * choices are data.
	 */
	public List<String> prefilledKeys() {
		List<String> keys = new ArrayList<>(keys());
		keys.addAll(this.optionKeys);
		return keys;
	}

	/**
	 * Checks submitted values against the form's rules.
	 * @param values submitted values by field key (Tasklist's untyped JSON: Integer,
	 * Double, String, lists)
	 * @return one error per invalid field, empty when the submission is valid
	 */
	public List<FieldError> validate(Map<String, Object> values) {
		List<FieldError> errors = new ArrayList<>();
		long total = values.values()
			.stream()
			.filter((value) -> value != null)
			.mapToLong((value) -> String.valueOf(value).length())
			.sum();
		if (total > MAX_TOTAL_CHARACTERS) {
			// each field is within its own limit, but not all of them together
			errors.add(new FieldError("form", "is larger than " + MAX_TOTAL_CHARACTERS + " characters in all"));
		}
		for (Field field : this.fields) {
			if (field.readonly()) {
				continue;
			}
			String problem = field.problemWith(values.get(field.key()));
			if (problem != null) {
				errors.add(new FieldError(field.key(), problem));
			}
		}
		return errors;
	}

	public record FieldError(String field, String message) {
	}

	public record Field(String key, String type, String label, String subtype, boolean readonly, boolean required,
			BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength, Pattern pattern, boolean wholeNumber,
			List<String> options) {

		String problemWith(Object submitted) {
			Object value = (submitted instanceof String text) ? InputRules.normalized(text) : submitted;
			if (isEmpty(value)) {
				return this.required ? "is required" : null;
			}
			return switch (this.type) {
				case "number" -> numberProblem(value);
				case "checkbox" -> (value instanceof Boolean || "true".equals(value) || "false".equals(value)) ? null
						: "must be true or false";
				case "datetime" -> dateProblem(value);
				// no options of its own: they come from a variable (valuesKey), and the
				// handler checks the answer
				case "radio", "select" -> (this.options.isEmpty() || this.options.contains(String.valueOf(value)))
						? null : "must be one of " + this.options;
				case "checklist", "taglist" -> listProblem(value);
				default -> textProblem(value);
			};
		}

		private static boolean isEmpty(Object value) {
			return value == null || (value instanceof String text && text.isBlank())
					|| (value instanceof Collection<?> list && list.isEmpty());
		}

		private String textProblem(Object value) {
			if (!(value instanceof String text)) {
				return Refusal.NOT_TEXT.message(this.key);
			}
			Refusal refusal = InputRules.refusalOf(text, "textarea".equals(this.type));
			if (refusal != null) {
				return refusal.message(this.key);
			}
			if (this.minLength != null && text.strip().length() < this.minLength) {
				return "must be at least " + this.minLength + " characters long";
			}
			int max = (this.maxLength != null) ? this.maxLength : DEFAULT_MAX_LENGTH;
			if (text.length() > max) {
				return "must be at most " + max + " characters long";
			}
			if (this.pattern != null && !this.pattern.matcher(text).find()) {
				return "has an invalid format";
			}
			return null;
		}

		private String numberProblem(Object value) {
			BigDecimal number;
			try {
				number = (value instanceof Number n) ? new BigDecimal(n.toString()) : new BigDecimal(value.toString());
			}
			catch (NumberFormatException ex) {
				return "must be a number";
			}
			if (this.wholeNumber && number.stripTrailingZeros().scale() > 0) {
				return Refusal.NOT_WHOLE_NUMBER.message(this.key);
			}
			if (this.min != null && number.compareTo(this.min) < 0) {
				return "must be at least " + this.min.toPlainString();
			}
			if (this.max != null && number.compareTo(this.max) > 0) {
				return "must be at most " + this.max.toPlainString();
			}
			return null;
		}

		private String dateProblem(Object value) {
			String text = String.valueOf(value);
			try {
				LocalDate date = "date".equals(this.subtype) ? LocalDate.parse(text)
						: OffsetDateTime.parse(text).toLocalDate();
				return InputRules.isAcceptedDate(date) ? null : InputRules.dateOutOfRange(this.key);
			}
			catch (DateTimeParseException ex) {
				return "date".equals(this.subtype) ? "must be a date (YYYY-MM-DD)"
						: "must be a date and time (ISO-8601)";
			}
		}

		private String listProblem(Object value) {
			List<String> items = FormValues.asList(value);
			if (items == null) {
				return "must be a list";
			}
			if (items.isEmpty()) {
				// a JSON list arrives as text or a Spin node, so an empty one is only
				// seen here
				return this.required ? "is required" : null;
			}
			Set<String> seen = new HashSet<>();
			for (String item : items) {
				if (!this.options.isEmpty() && !this.options.contains(item)) {
					return "has an unknown value '" + item + "' (allowed: " + this.options + ")";
				}
				if (!seen.add(item)) {
					return "lists '" + item + "' more than once";
				}
			}
			return null;
		}

	}

}
