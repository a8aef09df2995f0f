package org.learningcommunities.lifecycle.system;

import java.util.Optional;

/**
 * The language each user chose for our pages, mails, feeds and exports ({@code he} or
 * {@code en}), remembered per user wherever they sign in (kept by
 * {@code identity.People}).
 */
public interface UserLanguages {

	/** The language the user chose, empty if they chose none. */
	Optional<String> chosenLanguage(String userId);

	/** Remembers the user's choice: {@code he} or {@code en}. */
	void chooseLanguage(String userId, String language);

}
