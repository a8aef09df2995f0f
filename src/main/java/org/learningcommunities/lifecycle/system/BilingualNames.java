package org.learningcommunities.lifecycle.system;

import java.util.Locale;

/**
 * The names of our user tasks and processes are written in the models as the form labels
 * are, Hebrew first: {@code "ניסוח מטרות ויעדים / Draft goals and targets"}, because
 * Tasklist and Cockpit show a model's name as it is. Our own pages, mails and feeds speak
 * one language at a time and show the half of that language. A name without the separator
 * (a model of a test, an older row) is shown whole in both languages.
 * <p>
 * Names that people type (a community's name, a meeting's topic) are often written the
 * way the venture writes them, {@code "פיתוח כלכלי · Economic development"}. Such a name
 * is split too, but only when it plainly is one: one line, one middle dot, Hebrew letters
 * and no Latin ones before it, Latin letters and no Hebrew ones after it. Anything else
 * (a list, a sentence with a dot) is free text and shown whole.
 */
public final class BilingualNames {

	/**
	 * Between the Hebrew and the English half; spaces around it, so that the slash of a
	 * Hebrew word written for both genders ({@code מועמד/ת}) is not taken for it.
	 */
	public static final String SEPARATOR = " / ";

	/** Between the halves of a name that people typed. */
	public static final String TYPED_SEPARATOR = " · ";

	private BilingualNames() {
	}

	/** The Hebrew half of a name, or the whole name when it has no separator. */
	public static String hebrew(String name) {
		if (name == null) {
			return null;
		}
		int at = name.indexOf(SEPARATOR);
		if (at >= 0) {
			return name.substring(0, at).strip();
		}
		at = typedSeparator(name);
		return (at < 0) ? name : name.substring(0, at).strip();
	}

	/** The English half of a name, or the whole name when it has no separator. */
	public static String english(String name) {
		if (name == null) {
			return null;
		}
		int at = name.indexOf(SEPARATOR);
		if (at >= 0) {
			return name.substring(at + SEPARATOR.length()).strip();
		}
		at = typedSeparator(name);
		return (at < 0) ? name : name.substring(at + TYPED_SEPARATOR.length()).strip();
	}

	/**
	 * Where the middle dot of a typed "עברית · English" name is, or -1 when the text is
	 * not such a name.
	 */
	private static int typedSeparator(String name) {
		int at = name.indexOf(TYPED_SEPARATOR);
		if (at < 0 || name.indexOf(TYPED_SEPARATOR, at + 1) >= 0 || name.indexOf('\n') >= 0) {
			return -1;
		}
		String first = name.substring(0, at);
		String second = name.substring(at + TYPED_SEPARATOR.length());
		return (has(first, Character.UnicodeScript.HEBREW) && !has(first, Character.UnicodeScript.LATIN)
				&& has(second, Character.UnicodeScript.LATIN) && !has(second, Character.UnicodeScript.HEBREW)) ? at
						: -1;
	}

	private static boolean has(String text, Character.UnicodeScript script) {
		return text.codePoints().anyMatch((c) -> Character.isLetter(c) && Character.UnicodeScript.of(c) == script);
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
