package org.learningcommunities.lifecycle.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.learningcommunities.lifecycle.system.InputRules;

/**
 * The year's syllabus as the leading core writes it in {@code lay-out-syllabus}: one
 * meeting per line, its columns separated by {@code |}:
 *
 * <pre>
 * 2027-01-12 | נכסים מניבים · Income-producing assets | לוד
 * 12/02/2027 | Tourism | online
 * 2027-03-15 | הסמינר השנתי | כרמיאל | seminar
 * </pre>
 *
 * The day (YYYY-MM-DD, or DD/MM/YYYY as Israelis write it), the topic, the host authority
 * or {@code online} ({@code מקוון}), and optionally {@code seminar} ({@code סמינר}) for
 * the two-day seminar. Blank lines are skipped. A list of rows in the form would be
 * nicer, but Tasklist 7.24 cannot complete a form with one
 * (docs/adr/0013-syllabus-and-products-as-lines.md).
 */
final class Syllabus {

	private static final Set<String> ONLINE = Set.of("online", "מקוון", "זום", "zoom");

	private static final Set<String> SEMINAR = Set.of("seminar", "סמינר");

	private static final DateTimeFormatter ISRAELI = DateTimeFormatter.ofPattern("d/M/uuuu");

	private Syllabus() {
	}

	/** One meeting of the syllabus, with its line number (from 1). */
	record Line(int number, LocalDate meetingDate, String topic, String host, boolean online, boolean seminar) {
	}

	/**
	 * Reads the syllabus.
	 * @param problems receives one message per line that cannot be read ("line 3: ...")
	 * @return the lines that could be read
	 */
	static List<Line> parse(String text, List<String> problems) {
		List<Line> lines = new ArrayList<>();
		if (text == null) {
			return lines;
		}
		String[] rows = text.split("\\R");
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			int number = i + 1;
			String[] columns = row.split("\\|", -1);
			if (columns.length < 3 || columns.length > 4) {
				problems.add("line " + number + ": write the day | the topic | the host or online [| seminar]");
				continue;
			}
			LocalDate day = day(columns[0].strip());
			if (day == null) {
				problems
					.add("line " + number + ": '" + columns[0].strip() + "' is not a day (YYYY-MM-DD or DD/MM/YYYY)");
				continue;
			}
			if (!InputRules.isAcceptedDate(day)) {
				problems.add("line " + number + ": " + InputRules.dateOutOfRange(columns[0].strip()));
				continue;
			}
			String host = columns[2].strip();
			boolean online = ONLINE.contains(host.toLowerCase(Locale.ROOT));
			String mark = (columns.length == 4) ? columns[3].strip() : "";
			if (!mark.isEmpty() && !SEMINAR.contains(mark.toLowerCase(Locale.ROOT))) {
				problems.add("line " + number + ": the fourth column may only say seminar (סמינר)");
				continue;
			}
			lines.add(new Line(number, day, columns[1].strip(), online ? null : host, online, !mark.isEmpty()));
		}
		return lines;
	}

	private static LocalDate day(String text) {
		try {
			return text.contains("/") ? LocalDate.parse(text, ISRAELI) : LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
