package org.learningcommunities.lifecycle.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The board as CSV (RFC 4180, written by Commons CSV), one line per community, in UTF-8
 * with a byte order mark so that spreadsheet programs read the Hebrew names right.
 */
final class BoardCsv {

	static final String[] HEADER = { "code", "name", "professional_field", "leader", "stage", "current_step",
			"open_tasks", "overdue_tasks", "next_meeting", "next_meeting_topic", "pending_work_plans" };

	private BoardCsv() {
	}

	static byte[] write(Board.Page board) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			// before the header, which the printer writes as it opens
			writer.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
			for (Board.Row row : board.communities()) {
				Board.UpcomingMeeting next = row.nextMeetings().isEmpty() ? null : row.nextMeetings().get(0);
				csv.printRecord(row.code(), row.name(), row.professionalField(), row.leader(), row.stage(),
						row.currentStep(), row.openTasks(), row.overdueTasks(), (next != null) ? next.date() : null,
						(next != null) ? next.topic() : null,
						row.pendingApprovals()
							.stream()
							.map((plan) -> "year " + plan.year() + " " + plan.status())
							.collect(Collectors.joining("; ")));
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
