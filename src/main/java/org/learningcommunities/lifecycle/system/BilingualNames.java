package org.learningcommunities.lifecycle.system;

import java.util.Locale;

/**
 * The names of our user tasks and processes are written in the models as the form labels
 * are, Hebrew first: {@code "ניסוח מטרות ויעדים / Draft goals and targets"}, because
 * Tasklist and Cockpit show a model's name as it is. Our own pages, mails and feeds speak
 * one language at a time and show the half of that language. A name without the separator
 * (a model of a test, an older row) is shown whole in both languages.
 */
public final class BilingualNames {

	/**
	 * Between the Hebrew and the English half; spaces around it, so that the slash of a
	 * Hebrew word written for both genders ({@code מועמד/ת}) is not taken for it.
	 */
	public static final String SEPARATOR = " / ";

	private BilingualNames() {
	}

	/** The Hebrew half of a name, or the whole name when it has no separator. */
	public static String hebrew(String name) {
		if (name == null) {
			return null;
		}
		int at = name.indexOf(SEPARATOR);
		return (at < 0) ? name : name.substring(0, at).strip();
	}

	/** The English half of a name, or the whole name when it has no separator. */
	public static String english(String name) {
		if (name == null) {
			return null;
		}
		int at = name.indexOf(SEPARATOR);
		return (at < 0) ? name : name.substring(at + SEPARATOR.length()).strip();
	}

	/**
	 * The half of a name in a language ({@code he} or {@code en}); any language but
	 * Hebrew reads the English half, as our mails fall back to English.
	 */
	public static String in(String name, String language) {
		return "he".equals(language) ? hebrew(name) : english(name);
	}

	/** The half of a name in a locale's language. */
	public static String in(String name, Locale locale) {
		return in(name, (locale != null) ? locale.getLanguage() : null);
	}

}
