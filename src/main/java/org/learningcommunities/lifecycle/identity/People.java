package org.learningcommunities.lifecycle.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.learningcommunities.lifecycle.system.UserLanguages;

import org.springframework.stereotype.Service;

/**
 * Answers questions about users from Camunda's identity service, the one source of users,
 * groups, emails and languages.
 * <p>
 * A user's language is the user info {@link #LANGUAGE} ({@code he} or {@code en}) of the
 * identity service; without it a user is written to in Hebrew.
 */
@Service
public class People implements UserLanguages {

	/** The user info key of a user's language. */
	public static final String LANGUAGE = "lang";

	/** The language of a user who has not chosen one. */
	public static final String DEFAULT_LANGUAGE = "he";

	private static final List<String> LANGUAGES = List.of("he", "en");

	private final IdentityService identity;

	People(IdentityService identity) {
		this.identity = identity;
	}

	public boolean isMemberOf(String userId, String groupId) {
		return userId != null && this.identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

	/** A user, with their email and language; empty for an unknown id. */
	public Optional<Person> person(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.identity.createUserQuery().userId(userId).singleResult()).map(this::person);
	}

	/**
	 * The full names of users ("first last"), by id, in one query; a user without a name,
	 * or unknown, is named by their id.
	 */
	public Map<String, String> fullNames(Collection<String> userIds) {
		Map<String, String> names = new HashMap<>();
		List<String> ids = userIds.stream().filter((id) -> id != null && !id.isBlank()).distinct().toList();
		if (ids.isEmpty()) {
			return names;
		}
		for (User user : this.identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
			String name = Stream.of(user.getFirstName(), user.getLastName())
				.filter((part) -> part != null && !part.isBlank())
				.collect(Collectors.joining(" "));
			names.put(user.getId(), name.isBlank() ? user.getId() : name);
		}
		ids.forEach((id) -> names.putIfAbsent(id, id));
		return names;
	}

	/** The members of a group, by id. */
	public List<Person> membersOf(String groupId) {
		return this.identity.createUserQuery()
			.memberOfGroup(groupId)
			.orderByUserId()
			.asc()
			.list()
			.stream()
			.map(this::person)
			.toList();
	}

	/**
	 * The names of users by id, in one query: first and last name, or the id of a user
	 * who has neither; an unknown id is missing from the map.
	 * <p>
	 * Read without the caller's authorizations: whoever sees a community sees the names
	 * of its leader, partners and task owners, though a leader may not read the user
	 * directory itself.
	 */
	public Map<String, String> names(Collection<String> userIds) {
		String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
		Map<String, String> names = new HashMap<>();
		if (ids.length == 0) {
			return names;
		}
		// the engine's public API answers its own Authentication type
		var caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			this.identity.createUserQuery()
				.userIdIn(ids)
				.list()
				.forEach((user) -> names.put(user.getId(),
						fullName(user.getId(), user.getFirstName(), user.getLastName())));
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
		return names;
	}

	/** The language a user chose ({@code he} or {@code en}); empty if they chose none. */
	@Override
	public Optional<String> chosenLanguage(String userId) {
		if (userId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.identity.getUserInfo(userId, LANGUAGE)).filter(LANGUAGES::contains);
	}

	@Override
	public void chooseLanguage(String userId, String language) {
		setLanguage(userId, language);
	}

	/** Sets a user's language: {@code he} or {@code en}. */
	public void setLanguage(String userId, String language) {
		if (language == null || !LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("Language must be one of " + LANGUAGES + ": " + language);
		}
		this.identity.setUserInfo(userId, LANGUAGE, language);
	}

	private Person person(User user) {
		String language = this.identity.getUserInfo(user.getId(), LANGUAGE);
		return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
				// a user made in Camunda Admin has no language: the default, never an
				// error
				(language != null && LANGUAGES.contains(language)) ? language : DEFAULT_LANGUAGE);
	}

	static String fullName(String id, String firstName, String lastName) {
		String name = ((firstName != null) ? firstName.strip() : "") + " "
				+ ((lastName != null) ? lastName.strip() : "");
		return name.isBlank() ? id : name.strip();
	}

	/**
	 * A user as mail needs them.
	 *
	 * @param language {@code he} or {@code en}
	 */
	public record Person(String id, String firstName, String lastName, String email, String language) {

		/** The first name, or the id when the user has none. */
		public String displayName() {
			return (this.firstName != null && !this.firstName.isBlank()) ? this.firstName : this.id;
		}

		/** First and last name, or the id when the user has neither. */
		public String fullName() {
			return People.fullName(this.id, this.firstName, this.lastName);
		}

		public boolean hasEmail() {
			return this.email != null && !this.email.isBlank();
		}

	}

}
