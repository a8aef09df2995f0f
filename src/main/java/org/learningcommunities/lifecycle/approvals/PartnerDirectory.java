package org.learningcommunities.lifecycle.approvals;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.springframework.stereotype.Component;

/**
 * The partners' representatives as the identity service knows them: name, email and the
 * language they are written to in. Read as the application: a leader whose draft opens
 * the approvals may not read users.
 * <p>
 * The language is the user info {@code lang} ({@code he} or {@code en}), Hebrew when
 * unset: the key the reminders use, so that this lookup can later move to them.
 */
@Component
class PartnerDirectory {

	static final String LANGUAGE = "lang";

	private final IdentityService identity;

	private final EngineAsApplication asApplication;

	PartnerDirectory(IdentityService identity, EngineAsApplication asApplication) {
		this.identity = identity;
		this.asApplication = asApplication;
	}

	Optional<Partner> find(String userId) {
		return this.asApplication.call(() -> {
			User user = this.identity.createUserQuery().userId(userId).singleResult();
			if (user == null) {
				return Optional.empty();
			}
			String language = "en".equals(this.identity.getUserInfo(userId, LANGUAGE)) ? "en" : "he";
			String name = String
				.join(" ", (user.getFirstName() != null) ? user.getFirstName() : "",
						(user.getLastName() != null) ? user.getLastName() : "")
				.strip();
			return Optional.of(new Partner(userId, name.isEmpty() ? userId : name, user.getEmail(), language));
		});
	}

	/** {@code Miriam Ministry partner (ministry)}, or the id of an unknown user. */
	String label(String userId) {
		return find(userId).map((partner) -> partner.name() + " (" + userId + ")").orElse(userId);
	}

	/**
	 * A partner's representative: their id, full name, email (maybe none) and language.
	 */
	record Partner(String id, String name, String email, String language) {

		boolean hasEmail() {
			return this.email != null && !this.email.isBlank();
		}

	}

}
