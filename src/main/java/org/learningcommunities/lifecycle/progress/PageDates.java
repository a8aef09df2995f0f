package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Dates on our pages ({@code ${@pageDates.dateTime(task.due())}}), in the venture's time
 * zone, day first as Israel writes them.
 */
@Component
public class PageDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	public String day(LocalDate day) {
		return (day != null) ? DAY.format(day) : "";
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(BoardService.ZONE)) : "";
	}

	public String isoDay(Instant instant) {
		return (instant != null) ? instant.atZone(BoardService.ZONE).toLocalDate().toString() : "";
	}

}
