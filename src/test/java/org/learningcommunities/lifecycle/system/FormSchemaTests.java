package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's copy of the rules a Camunda Form declares, applied to values as Tasklist
 * sends them (untyped JSON).
 */
class FormSchemaTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** form-js component types that carry a value (all others are display only). */
	private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
			"checklist", "radio", "select", "taglist");

	// required
	// -----------------------------------------------------------------------------------------------------

	@Test
	void requiredFieldMustNotBeMissingNullBlankOrAnEmptyList() {
		FormSchema form = form("""
				{"type": "textfield", "key": "name", "validate": {"required": true}},
				{"type": "checklist", "key": "regions", "validate": {"required": true},
				 "values": [{"label": "North", "value": "north"}]}""");

		assertThat(errors(form, Map.of())).containsEntry("name", "is required").containsEntry("regions", "is required");
		assertThat(errors(form, values("name", null, "regions", null))).containsOnlyKeys("name", "regions");
		assertThat(errors(form, Map.of("name", "  ", "regions", List.of()))).containsOnlyKeys("name", "regions");
		assertThat(errors(form, Map.of("name", "Lea", "regions", List.of("north")))).isEmpty();
	}

	@Test
	void optionalFieldMayBeLeftEmptyButIsCheckedWhenFilled() {
		FormSchema form = form("""
				{"type": "textarea", "key": "notes", "validate": {"maxLength": 5}}""");

		assertThat(errors(form, Map.of())).isEmpty();
		assertThat(errors(form, Map.of("notes", ""))).isEmpty();
		assertThat(errors(form, Map.of("notes", "too long"))).containsOnlyKeys("notes");
	}

	@Test
	void everyInvalidFieldIsReportedByItsKey() {
		FormSchema form = form("""
				{"type": "textfield", "key": "name", "validate": {"required": true}},
				{"type": "number", "key": "targetSize", "validate": {"min": 30}},
				{"type": "textfield", "key": "fine"}""");

		List<FieldError> errors = form.validate(Map.of("targetSize", 29, "fine", "ok"));

		assertThat(errors).extracting(FieldError::field).containsExactly("name", "targetSize");
		assertThat(new InvalidFormException(errors).getMessage())
			.isEqualTo("Invalid form: field 'name' is required; field 'targetSize' must be at least 30");
	}

	// numbers
	// ------------------------------------------------------------------------------------------------------

	@Test
	void numberMustLieWithinMinAndMax() {
		FormSchema form = form("""
				{"type": "number", "key": "targetSize", "validate": {"min": 30, "max": 40}}""");

		assertThat(errors(form, Map.of("targetSize", 29))).containsEntry("targetSize", "must be at least 30");
		assertThat(errors(form, Map.of("targetSize", 41))).containsEntry("targetSize", "must be at most 40");
		assertThat(errors(form, Map.of("targetSize", 30))).isEmpty();
		assertThat(errors(form, Map.of("targetSize", 40))).isEmpty();
		assertThat(errors(form, Map.of("targetSize", 40.5))).containsKey("targetSize");
		assertThat(errors(form, Map.of("targetSize", -30))).containsKey("targetSize");
	}

	@Test
	void numberArrivesAsIntegerDoubleOrNumericTextButNeverAsOtherText() {
		FormSchema form = form("""
				{"type": "number", "key": "agreedBudget", "validate": {"min": 0}}""");

		assertThat(errors(form, Map.of("agreedBudget", 120000))).isEmpty();
		assertThat(errors(form, Map.of("agreedBudget", 120000.5))).isEmpty();
		assertThat(errors(form, Map.of("agreedBudget", 5_000_000_000L))).isEmpty();
		assertThat(errors(form, Map.of("agreedBudget", "120000.50"))).isEmpty();
		assertThat(errors(form, Map.of("agreedBudget", "a lot"))).containsEntry("agreedBudget", "must be a number");
		assertThat(errors(form, Map.of("agreedBudget", true))).containsEntry("agreedBudget", "must be a number");
		assertThat(errors(form, Map.of("agreedBudget", Double.NaN))).containsEntry("agreedBudget", "must be a number");
		assertThat(errors(form, Map.of("agreedBudget", -0.01))).containsEntry("agreedBudget", "must be at least 0");
	}

	@Test
	void numberWithoutDecimalDigitsMustBeWhole() {
		FormSchema form = form(
				"""
						{"type": "number", "key": "minSeniorityYears", "decimalDigits": 0, "validate": {"min": 0, "max": 40}}""");

		assertThat(errors(form, Map.of("minSeniorityYears", 3))).isEmpty();
		assertThat(errors(form, Map.of("minSeniorityYears", 3.0))).as("a whole Double").isEmpty();
		assertThat(errors(form, Map.of("minSeniorityYears", 2.5))).containsEntry("minSeniorityYears",
				"השדה \"minSeniorityYears\" חייב להיות מספר שלם.");
		assertThat(errors(form, Map.of("minSeniorityYears", "2.5"))).containsKey("minSeniorityYears");
	}

	// text
	// ---------------------------------------------------------------------------------------------------------

	@Test
	void textMustRespectMinAndMaxLength() {
		FormSchema form = form("""
				{"type": "textfield", "key": "name", "validate": {"minLength": 3, "maxLength": 200}}""");

		assertThat(errors(form, Map.of("name", "ab"))).containsEntry("name", "must be at least 3 characters long");
		assertThat(errors(form, Map.of("name", "  ab  "))).as("spaces do not count").containsKey("name");
		assertThat(errors(form, Map.of("name", "abc"))).isEmpty();
		assertThat(errors(form, Map.of("name", "מ".repeat(200)))).isEmpty();
		assertThat(errors(form, Map.of("name", "מ".repeat(201)))).containsEntry("name",
				"must be at most 200 characters long");
	}

	@Test
	void textMustMatchThePattern() {
		FormSchema form = form("""
				{"type": "textfield", "key": "code", "validate": {"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}}""");

		assertThat(errors(form, Map.of("code", "econ-dev-2026"))).isEmpty();
		for (String bad : List.of("Econ-dev", "econ dev", "econ--dev", "-econ", "econ-", "אקון")) {
			assertThat(errors(form, Map.of("code", bad))).as(bad).containsEntry("code", "has an invalid format");
		}
	}

	@Test
	void textFieldDoesNotTakeNumbersOrLists() {
		FormSchema form = form("""
				{"type": "textarea", "key": "vision"}""");

		assertThat(errors(form, Map.of("vision", 42))).containsEntry("vision", "השדה \"vision\" חייב להיות טקסט.");
		assertThat(errors(form, Map.of("vision", List.of("a")))).containsKey("vision");
		assertThat(errors(form, Map.of("vision", true))).containsKey("vision");
		assertThat(errors(form, Map.of("vision", Map.of("an", "object")))).containsKey("vision");
	}

	@Test
	void textWithControlOrDirectionCharactersOrNothingVisibleIsRefusedNamingTheField() {
		FormSchema form = form("""
				{"type": "textfield", "key": "name", "validate": {"required": true}},
				{"type": "textarea", "key": "notes"}""");

		assertThat(errors(form, Map.of("name", "Dana\u0000Levi"))).containsEntry("name",
				"השדה \"name\" מכיל תו בקרה; נא להסיר אותו ולשלוח שוב.");
		assertThat(errors(form, Map.of("name", "Dana\nLevi"))).as("a line break in one line").containsKey("name");
		assertThat(errors(form, Map.of("name", "Dana", "notes", "line one\nline two"))).isEmpty();
		assertThat(errors(form, Map.of("name", "Dana", "notes", "a\u001bb"))).containsKey("notes");
		assertThat(errors(form, Map.of("name", "\u202Egnp.exe"))).containsKey("name");
		assertThat(errors(form, Map.of("name", "\u200B\u200B"))).containsKey("name");
		assertThat(errors(form, Map.of("name", "\u00A0 \u00A0"))).as("spaces only: empty, so required")
			.containsKey("name");
	}

	@Test
	void datesOutsideTheAcceptedRangeAreRefused() {
		FormSchema form = form("""
				{"type": "datetime", "key": "meetingDate", "subtype": "date"}""");

		assertThat(errors(form, Map.of("meetingDate", "9999-12-31"))).containsKey("meetingDate");
		assertThat(errors(form, Map.of("meetingDate", "1900-01-01"))).containsKey("meetingDate");
		assertThat(errors(form, Map.of("meetingDate", InputRules.today().plusMonths(2).toString()))).isEmpty();
	}

	// choices
	// ------------------------------------------------------------------------------------------------------

	@Test
	void radioTakesOnlyItsValues() {
		FormSchema form = form("""
				{"type": "radio", "key": "gateDecision", "validate": {"required": true},
				 "values": [{"label": "Sign", "value": "sign"}, {"label": "Send back", "value": "send-back"}]}""");

		assertThat(errors(form, Map.of("gateDecision", "sign"))).isEmpty();
		assertThat(errors(form, Map.of("gateDecision", "send-back"))).isEmpty();
		assertThat(errors(form, Map.of("gateDecision", "Sign"))).containsEntry("gateDecision",
				"must be one of [sign, send-back]");
		assertThat(errors(form, Map.of("gateDecision", "maybe"))).containsKey("gateDecision");
	}

	@Test
	void selectWithOptionsFromAVariableLeavesTheAnswerToItsHandler() {
		FormSchema form = form("""
				{"type": "select", "key": "facilitator", "valuesKey": "communityMembers",
				 "validate": {"required": true}}""");

		assertThat(errors(form, Map.of("facilitator", "17"))).isEmpty();
		assertThat(errors(form, Map.of())).containsEntry("facilitator", "is required");
		assertThat(form.prefilledKeys()).containsExactly("facilitator", "communityMembers");
	}

	@Test
	void checklistTakesAListOrAJsonListOfItsValues() {
		FormSchema form = form("""
				{"type": "checklist", "key": "regions",
				 "values": [{"label": "North", "value": "north"}, {"label": "South", "value": "south"}]}""");

		assertThat(errors(form, Map.of("regions", List.of("north", "south")))).isEmpty();
		assertThat(errors(form, Map.of("regions", "[\"north\",\"south\"]"))).as("JSON text").isEmpty();
		assertThat(errors(form, Map.of("regions", List.of("north", "moon")))).containsEntry("regions",
				"has an unknown value 'moon' (allowed: [north, south])");
		assertThat(errors(form, Map.of("regions", "[\"north\",\"moon\"]"))).containsKey("regions");
		assertThat(errors(form, Map.of("regions", "north"))).containsEntry("regions", "must be a list");
		assertThat(errors(form, Map.of("regions", "{\"north\": true}"))).containsEntry("regions", "must be a list");
	}

	@Test
	void requiredChecklistRefusesAnEmptyJsonList() {
		FormSchema form = form("""
				{"type": "checklist", "key": "sectors", "validate": {"required": true},
				 "values": [{"label": "Arab", "value": "arab"}]}""");

		assertThat(errors(form, Map.of("sectors", "[]"))).containsEntry("sectors", "is required");
		assertThat(errors(form, Map.of("sectors", "[\"arab\"]"))).isEmpty();
	}

	@Test
	void checklistRefusesARepeatedValue() {
		FormSchema form = form("""
				{"type": "checklist", "key": "sectors", "values": [{"label": "Arab", "value": "arab"}]}""");

		assertThat(errors(form, Map.of("sectors", List.of("arab", "arab")))).containsEntry("sectors",
				"lists 'arab' more than once");
		assertThat(errors(form, Map.of("sectors", "[\"arab\",\"arab\"]"))).containsKey("sectors");
	}

	@Test
	void optionalChecklistMayBeAnEmptyJsonList() {
		FormSchema form = form("""
				{"type": "checklist", "key": "sectors", "values": [{"label": "Arab", "value": "arab"}]}""");

		assertThat(errors(form, Map.of("sectors", "[]"))).isEmpty();
	}

	@Test
	void checkboxIsTrueOrFalse() {
		FormSchema form = form("""
				{"type": "checkbox", "key": "admitted"}""");

		assertThat(errors(form, Map.of("admitted", true))).isEmpty();
		assertThat(errors(form, Map.of("admitted", "false"))).isEmpty();
		assertThat(errors(form, Map.of("admitted", "yes"))).containsEntry("admitted", "must be true or false");
	}

	// dates
	// --------------------------------------------------------------------------------------------------------

	@Test
	void dateFieldTakesAnIsoDate() {
		FormSchema form = form("""
				{"type": "datetime", "key": "plannedStart", "subtype": "date", "validate": {"required": true}}""");

		assertThat(errors(form, Map.of("plannedStart", "2026-09-01"))).isEmpty();
		for (Object bad : List.of("next spring", "2026-02-30", "01/09/2026", "2026-9-1", 20260901)) {
			assertThat(errors(form, Map.of("plannedStart", bad))).as("%s", bad)
				.containsEntry("plannedStart", "must be a date (YYYY-MM-DD)");
		}
	}

	@Test
	void dateTimeFieldTakesAnIsoDateTimeWithOffset() {
		FormSchema form = form("""
				{"type": "datetime", "key": "meetingAt", "subtype": "datetime"}""");

		assertThat(errors(form, Map.of("meetingAt", "2026-09-01T17:00:00+03:00"))).isEmpty();
		assertThat(errors(form, Map.of("meetingAt", "2026-09-01"))).containsKey("meetingAt");
	}

	// context shown to the user
	// ------------------------------------------------------------------------------------

	@Test
	void readonlyAndDisabledFieldsAreNotInputAndNotChecked() {
		FormSchema form = form("""
				{"type": "text", "text": "### Confirm the goals"},
				{"type": "textarea", "key": "goals", "readonly": true, "validate": {"required": true}},
				{"type": "number", "key": "goalsVersion", "disabled": true, "validate": {"min": 1}},
				{"type": "radio", "key": "goalsDecision", "values": [{"label": "Confirm", "value": "confirm"}]}""");

		assertThat(form.keys()).containsExactly("goals", "goalsVersion", "goalsDecision");
		assertThat(form.inputKeys()).containsExactly("goalsDecision");
		assertThat(errors(form, Map.of("goalsVersion", 0, "goalsDecision", "confirm"))).isEmpty();
	}

	@Test
	void fieldsInsideGroupsAreFound() {
		FormSchema form = form("""
				{"type": "group", "label": "Arenas", "components": [
				  {"type": "textarea", "key": "centralGovernment", "validate": {"required": true}}
				]}""");

		assertThat(form.keys()).containsExactly("centralGovernment");
		assertThat(errors(form, Map.of())).containsOnlyKeys("centralGovernment");
	}

	// the project's forms
	// ------------------------------------------------------------------------------------------

	@Test
	void everyFormParsesAndEveryInputFieldHasAUniqueKey() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
		assertThat(files).as("forms on the classpath").isNotEmpty();
		for (Resource file : files) {
			String name = file.getFilename();
			JsonNode json;
			try (InputStream in = file.getInputStream()) {
				json = JSON.readTree(in);
			}
			assertThat(json.path("id").asText()).as("id of %s (file name = form id)", name)
				.isEqualTo(name.substring(0, name.length() - ".form".length()));

			List<JsonNode> inputs = new ArrayList<>();
			collectInputs(json.path("components"), inputs);
			Set<String> keys = new HashSet<>();
			for (JsonNode input : inputs) {
				String key = input.path("key").asText("");
				assertThat(key).as("key of a %s field in %s", input.path("type").asText(), name).isNotBlank();
				assertThat(keys.add(key)).as("key %s used twice in %s", key, name).isTrue();
			}
			FormSchema schema = FormSchema.parse(json);
			assertThat(schema.id()).isEqualTo(json.path("id").asText());
			assertThat(schema.keys()).as("fields of %s", name).containsExactlyInAnyOrderElementsOf(keys);
			assertThat(schema.validate(Map.of())).as("an empty %s is refused", name).isNotEmpty();
		}
	}

	// --------------------------------------------------------------------------------------------------------------

	private static void collectInputs(JsonNode components, List<JsonNode> inputs) {
		for (JsonNode component : components) {
			if (INPUT_TYPES.contains(component.path("type").asText())) {
				inputs.add(component);
			}
			collectInputs(component.path("components"), inputs);
		}
	}

	private static FormSchema form(String components) {
		try {
			return FormSchema.parse(JSON.readTree("{\"id\": \"test\", \"components\": [" + components + "]}"));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static Map<String, String> errors(FormSchema form, Map<String, Object> values) {
		Map<String, String> errors = new HashMap<>();
		form.validate(values).forEach((error) -> errors.put(error.field(), error.message()));
		return errors;
	}

	/** Like {@link Map#of}, with null values. */
	private static Map<String, Object> values(Object... keysAndValues) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			values.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return values;
	}

}
