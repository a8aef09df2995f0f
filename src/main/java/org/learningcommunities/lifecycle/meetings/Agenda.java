package org.learningcommunities.lifecycle.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rule for a meeting's timed agenda (guide p.30-33): the day has a fixed structure,
 * part A opening, part B professional content, part C the product lab. An agenda fits the
 * day when each of the three parts begins a line of its own: the letter (A, B, C or א, ב,
 * ג, optionally after "Part" or "חלק", optionally with a geresh) followed by a space, a
 * punctuation mark or the end of the line, e.g. {@code A 09:00-10:00 opening},
 * {@code Part B: 10:00 lecture}, {@code ג׳ 13:30 מעבדת תוצר}. Nothing else is checked:
 * the times and units are the leader's.
 */
final class Agenda {

	private static final String[][] PARTS = { { "A", "א" }, { "B", "ב" }, { "C", "ג" } };

	private Agenda() {
	}

	/** The parts (A, B, C) the agenda does not open a line with; empty when it fits. */
	static List<String> missingParts(String agenda) {
		List<String> missing = new ArrayList<>();
		for (String[] part : PARTS) {
			Pattern line = Pattern
				.compile("(?im)^\\s*(?:part\\s+|חלק\\s+)?(?:" + part[0] + "|" + part[1] + ")['׳]?(?:[\\s.:)\\-–]|$)");
			if (agenda == null || !line.matcher(agenda).find()) {
				missing.add(part[0]);
			}
		}
		return missing;
	}

}
