package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * People as mail and reminders see them, including users an administrator made in Camunda
 * Admin, who carry no language: reminders to them once failed with a NullPointerException
 * (found by the benchmark's own leaders).
 */
class PeopleTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource(EngineOnlyTests.CONFIGURATION)
		.build();

	@AfterEach
	void removeUsers() {
		IdentityService identity = engine.getIdentityService();
		identity.createUserQuery().list().forEach((user) -> identity.deleteUser(user.getId()));
	}

	@Test
	void aUserWithoutALanguageReadsTheDefaultOne() {
		IdentityService identity = engine.getIdentityService();
		User user = identity.newUser("madeinadmin");
		user.setEmail("madeinadmin@example.org");
		identity.saveUser(user);

		People.Person person = new People(identity).person("madeinadmin").orElseThrow();

		assertThat(person.email()).isEqualTo("madeinadmin@example.org");
		assertThat(person.language()).isEqualTo("he");
	}

	@Test
	void aUsersLanguageIsKeptAndOnlyHebrewOrEnglishIsAccepted() {
		IdentityService identity = engine.getIdentityService();
		identity.saveUser(identity.newUser("anna"));
		People people = new People(identity);

		people.setLanguage("anna", "en");

		assertThat(people.person("anna").orElseThrow().language()).isEqualTo("en");
		assertThat(people.person("nobody")).isEmpty();
		assertThatThrownBy(() -> people.setLanguage("anna", null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> people.setLanguage("anna", "fr")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void namesOfManyUsersAreReadTogetherAndAUserWithoutOneIsShownByIdentifier() {
		IdentityService identity = engine.getIdentityService();
		User lea = identity.newUser("lea");
		lea.setFirstName("Lea");
		lea.setLastName("Levi");
		identity.saveUser(lea);
		identity.saveUser(identity.newUser("nameless"));

		var names = new People(identity).names(java.util.Arrays.asList("lea", "nameless", "gone", null, "lea"));

		assertThat(names).containsOnly(java.util.Map.entry("lea", "Lea Levi"),
				java.util.Map.entry("nameless", "nameless"));
	}

	@Test
	void aChosenLanguageIsRememberedAndNoChoiceIsEmpty() {
		IdentityService identity = engine.getIdentityService();
		identity.saveUser(identity.newUser("rina"));
		People people = new People(identity);
		assertThat(people.chosenLanguage("rina")).isEmpty();

		people.chooseLanguage("rina", "en");

		assertThat(people.chosenLanguage("rina")).contains("en");
		assertThat(people.chosenLanguage(null)).isEmpty();
	}

}
