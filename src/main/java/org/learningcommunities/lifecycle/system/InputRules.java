package org.learningcommunities.lifecycle.system;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The one set of rules for text that people send us, applied the same way to the public
 * application, the application's JSON API ({@code /api}) and the task forms
 * ({@code submit-form}): a value is trimmed (every kind of space, the no-break space
 * included) and brought to Unicode NFC, then refused when it holds a control character
 * (tab and line breaks allowed in multi-line text only), a bidirectional embedding,
 * override or isolate (U+202A-U+202E, U+2066-U+2069: they reorder what a reader sees, so
 * that a name or an address reads as something else), or nothing visible at all (only
 * zero-width or other invisible characters). The marks that Hebrew keyboards insert
 * (U+200E, U+200F, U+061C) are allowed inside visible text. Refusals are worded in the
 * user's language (docs/bad-input.md).
 */
public final class InputRules {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages/messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private static final Locale HEBREW = Locale.forLanguageTag("he");

	/**
	 * How far back a date may lie: a lifecycle lasts three years, and its records may be
	 * entered late.
	 */
	public static final int EARLIEST_YEARS_AGO = 5;

	/**
	 * How far ahead a date may lie: the next lifecycle's planning, not year 9999 (which a
	 * calendar cannot hold).
	 */
	public static final int LATEST_YEARS_AHEAD = 5;

	/** The zone whose calendar the dates are in. */
	private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	private InputRules() {
	}

	/**
	 * Why a value is refused; each has a message {@code input.<key>} naming the field.
	 */
	public enum Refusal {

		/** A control character (NUL, escape, ...; a line break in one-line text). */
		CONTROL_CHARACTER("control"),
		/** A bidirectional embedding, override or isolate. */
		DIRECTION_OVERRIDE("direction"),
		/** Characters, but none of them visible. */
		INVISIBLE_ONLY("invisible"),
		/** A number, a true/false, a list or an object where text belongs. */
		NOT_TEXT("notText"),
		/** A fraction, text or anything else where a whole number belongs. */
		NOT_WHOLE_NUMBER("notWholeNumber"),
		/** A date outside the range the application accepts. */
		DATE_OUT_OF_RANGE("dateOutOfRange");

		private final String key;

		Refusal(String key) {
			this.key = key;
		}

		/** The refusal in the current user's language, naming the field. */
		public String message(String field, Object... arguments) {
			Object[] all = new Object[arguments.length + 1];
			all[0] = field;
			System.arraycopy(arguments, 0, all, 1, arguments.length);
			return MESSAGES.getMessage("input." + this.key, all, language());
		}

	}

	/**
	 * The value trimmed and in NFC; {@code null} stays {@code null}.
	 */
	public static String normalized(String value) {
		if (value == null) {
			return null;
		}
		int start = 0;
		int end = value.length();
		while (start < end && isSpace(value.codePointAt(start))) {
			start += Character.charCount(value.codePointAt(start));
		}
		while (end > start && isSpace(value.codePointBefore(end))) {
			end -= Character.charCount(value.codePointBefore(end));
		}
		String trimmed = value.substring(start, end);
		return Normalizer.isNormalized(trimmed, Normalizer.Form.NFC) ? trimmed
				: Normalizer.normalize(trimmed, Normalizer.Form.NFC);
	}

	/**
	 * What is wrong with a {@linkplain #normalized normalized} value, or {@code null}
	 * when nothing is (an empty value included: whether one is required is the caller's
	 * rule).
	 * @param multiline whether tab and line breaks are allowed (a text area)
	 */
	public static Refusal refusalOf(String value, boolean multiline) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		boolean visible = false;
		for (int i = 0; i < value.length();) {
			int c = value.codePointAt(i);
			i += Character.charCount(c);
			if (isDirectionOverride(c)) {
				return Refusal.DIRECTION_OVERRIDE;
			}
			if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
				return Refusal.CONTROL_CHARACTER;
			}
			visible = visible || !isInvisible(c);
		}
		return visible ? null : Refusal.INVISIBLE_ONLY;
	}

	/** Today's date, where dates are counted. */
	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static LocalDate earliestDate() {
		return today().minusYears(EARLIEST_YEARS_AGO);
	}

	public static LocalDate latestDate() {
		return today().plusYears(LATEST_YEARS_AHEAD);
	}

	/** Whether a date lies in the range people may enter. */
	public static boolean isAcceptedDate(LocalDate date) {
		return !date.isBefore(earliestDate()) && !date.isAfter(latestDate());
	}

	/** The refusal of a date out of range, in the user's language, naming the field. */
	public static String dateOutOfRange(String field) {
		return Refusal.DATE_OUT_OF_RANGE.message(field, earliestDate(), latestDate());
	}

	/** U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates). */
	static boolean isDirectionOverride(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean isSpace(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	/**
	 * Spaces, controls, format characters (zero-width space and joiners, word joiner,
	 * byte order mark, direction marks) and the blank letters some fonts draw as nothing
	 * (Hangul fillers, Braille blank).
	 */
	private static boolean isInvisible(int c) {
		int type = Character.getType(c);
		return isSpace(c) || type == Character.CONTROL || type == Character.FORMAT || c == 0x115F || c == 0x1160
				|| c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x180E;
	}

	/**
	 * The language of the current request: its {@code lang} parameter or cookie (as our
	 * pages choose it), else the first language it accepts when that is Hebrew or
	 * English; Hebrew otherwise, and outside a request.
	 */
	public static Locale language() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return HEBREW;
		}
		return language(attributes.getRequest());
	}

	/** The language of a request, as {@link #language()}. */
	public static Locale language(HttpServletRequest request) {
		String language = request.getParameter("lang");
		if (language == null) {
			Cookie cookie = WebUtils.getCookie(request, "lang");
			language = (cookie != null) ? cookie.getValue() : null;
		}
		if (language == null) {
			String accepted = request.getHeader("Accept-Language");
			language = (accepted != null) ? accepted.strip().split("[-_,;]", 2)[0] : null;
		}
		return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : HEBREW;
	}

}
