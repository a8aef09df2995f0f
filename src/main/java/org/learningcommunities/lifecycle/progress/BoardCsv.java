package org.learningcommunities.lifecycle.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.progress.PagePeople.Names;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.learningcommunities.lifecycle.system.SafeCsv;
import org.springframework.context.MessageSource;

/**
 * The board as CSV ({@link SafeCsv}), one line per community, in the reader's language:
 * the headers and the words of the page, people by name, names in one language, days as
 * the page writes them and counts as numbers. UTF-8 with a byte order mark, so that
 * spreadsheet programs read the Hebrew right.
 */
final class BoardCsv {

	/** The columns, each headed by the message {@code csv.board.<column>}. */
	static final String[] COLUMNS = { "code", "name", "professionalField", "leader", "stage", "currentStep",
			"openTasks", "overdueTasks", "nextMeeting", "nextMeetingTopic", "pendingWorkPlans" };

	private static final PageDates DATES = new PageDates();

	private BoardCsv() {
	}

	static byte[] write(Board.Page board, Names names, MessageSource messages, Locale locale) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
			// before the header, which the printer writes as it opens
			writer.write('\uFEFF');
			SafeCsv csv = new SafeCsv(writer,
					Arrays.stream(COLUMNS)
						.map((column) -> messages.getMessage("csv.board." + column, null, locale))
						.toArray(String[]::new));
			for (Board.Row row : board.communities()) {
				Board.UpcomingMeeting next = row.nextMeetings().isEmpty() ? null : row.nextMeetings().get(0);
				csv.printRecord(row.code(), BilingualNames.in(row.name(), locale), row.professionalField(),
						names.person(row.leader()), messages.getMessage("stage." + row.stage().name(), null, locale),
						BilingualNames.in(row.currentStep(), locale), row.openTasks(), row.overdueTasks(),
						(next != null) ? DATES.day(next.date()) : null,
						(next != null) ? BilingualNames.in(next.topic(), locale) : null,
						row.pendingApprovals()
							.stream()
							.map((plan) -> messages.getMessage("board.workPlan",
									new Object[] { plan.year(), (plan.version() != null) ? plan.version() : 0 }, locale)
									+ ": " + messages.getMessage("workPlan." + plan.status(), null, locale))
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
