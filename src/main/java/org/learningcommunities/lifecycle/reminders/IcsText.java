package org.learningcommunities.lifecycle.reminders;

import java.nio.charset.StandardCharsets;

import net.fortuna.ical4j.model.Calendar;

/**
 * A calendar as RFC 5545 text, folded as section 3.1 says: no line longer than 75 octets,
 * a longer one continued on the next line after a space. ical4j's own folding counts
 * characters, so a Hebrew line (two octets a letter) came out up to twice as long as
 * allowed; here the lines are counted in UTF-8 octets and never broken inside a
 * character.
 */
public final class IcsText {

	/** The longest line RFC 5545 allows, in octets, without the line break. */
	static final int MAX_OCTETS = 75;

	private static final String CRLF = "\r\n";

	private IcsText() {
	}

	/** The calendar's text, every content line folded at 75 octets. */
	public static String of(Calendar calendar) {
		// ical4j writes a calendar's content lines unfolded in toString()
		return fold(calendar.toString());
	}

	/** Folds every line of unfolded iCalendar text at 75 octets. */
	static String fold(String unfolded) {
		StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
		for (String line : unfolded.split(CRLF, -1)) {
			if (line.isEmpty()) {
				continue;
			}
			foldLine(line, out);
		}
		return out.toString();
	}

	private static void foldLine(String line, StringBuilder out) {
		int octets = 0;
		int i = 0;
		while (i < line.length()) {
			int codePoint = line.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > MAX_OCTETS) {
				// the space that starts a continuation line counts towards its 75
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(CRLF);
	}

}
