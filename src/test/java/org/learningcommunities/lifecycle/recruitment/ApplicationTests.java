package org.learningcommunities.lifecycle.recruitment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.system.FormSchema;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules an application must meet, and their values shared with the community mix.
 */
class ApplicationTests {

	@Test
	void completeApplicationIsValidAndWrittenInHebrewByDefault() {
		Application application = new Application("  Dana Levi ", "Dana.Levi@Example.ORG", "Lod",
				"Head of economic development", "center", "mixed", "female", 12, null, "To learn from peers", true)
			.normalized();

		assertThat(application.problems()).isEmpty();
		assertThat(application.fullName()).isEqualTo("Dana Levi");
		assertThat(application.email()).isEqualTo("dana.levi@example.org");
		assertThat(application.language()).isEqualTo("he");
	}

	@Test
	void onlyTheRequiredFieldsAreNeeded() {
		Application application = new Application("Dana Levi", "dana@example.org", "Lod",
				"Head of economic development", "center", "", null, null, "en", " ", true)
			.normalized();

		assertThat(application.problems()).isEmpty();
		assertThat(application.sector()).isNull();
		assertThat(application.motivation()).isNull();
	}

	@Test
	void eachInvalidFieldIsNamed() {
		Application application = new Application(null, "dana@", "x".repeat(201), " ", "mars", "martian", "none", 51,
				"fr", "x".repeat(4001), null)
			.normalized();

		assertThat(application.problems()).extracting(FieldError::field)
			.containsExactly("fullName", "email", "authority", "role", "region", "sector", "gender", "seniorityYears",
					"language", "motivation");
		assertThat(application.problems()).first().isEqualTo(new FieldError("fullName", "is required"));
	}

	@Test
	void emailMustBeAnAddress() {
		for (String email : List.of("dana", "dana@example", "dana@@example.org", "da na@example.org",
				"dana@example.")) {
			assertThat(withEmail(email).problems()).as(email)
				.containsExactly(new FieldError("email", "must be a valid email address"));
		}
		assertThat(withEmail("dana.levi+call@lod.muni.il").problems()).isEmpty();
	}

	@Test
	void emailWithMarkupIsRefused() {
		for (String email : List.of("<script>alert(1)</script>@example.org", "dana@<b>example</b>.org",
				"\"dana\"@example.org", "dana&amp;@example.org")) {
			assertThat(withEmail(email).problems()).as(email).extracting(FieldError::field).containsExactly("email");
		}
		assertThat(withEmail("o'neil@example.org").problems()).isEmpty();
	}

	@Test
	void textWithControlDirectionOrNothingVisibleIsRefusedNamingTheField() {
		assertThat(withName("Dana\u0000Levi").problems()).extracting(FieldError::field).containsExactly("fullName");
		assertThat(withName("Dana\nLevi").problems()).extracting(FieldError::field).containsExactly("fullName");
		assertThat(withName("\u202EiveL anaD").problems()).extracting(FieldError::field).containsExactly("fullName");
		assertThat(withName("\u200B\u200B").problems()).extracting(FieldError::field).containsExactly("fullName");
		assertThat(withName("  Rene\u0301 Levi ").fullName()).as("trimmed, NFC").isEqualTo("Ren\u00E9 Levi");
	}

	private static Application withName(String fullName) {
		return new Application(fullName, "dana@example.org", "Lod", "Head of economic development", "center", null,
				null, null, null, "line one\nline two", true)
			.normalized();
	}

	@Test
	void regionsAndSectorsAreThoseOfTheCommunityMix() {
		FormSchema mix = new FormSchemas().find("define-community-mix").orElseThrow();

		assertThat(Application.REGIONS).isEqualTo(options(mix, "regions"));
		assertThat(Application.SECTORS).isEqualTo(options(mix, "sectors"));
	}

	private static Application withEmail(String email) {
		return new Application("Dana Levi", email, "Lod", "Head of economic development", "center", null, null, null,
				null, null, true)
			.normalized();
	}

	private static List<String> options(FormSchema form, String key) {
		return form.fields().stream().filter((field) -> field.key().equals(key)).findFirst().orElseThrow().options();
	}

}
