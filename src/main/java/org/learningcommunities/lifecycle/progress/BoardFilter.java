package org.learningcommunities.lifecycle.progress;

import java.util.Arrays;
import java.util.List;

import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

/**
 * What the board shows: the filters (each {@code null} or {@code false} for none) and the
 * page.
 *
 * @param stage only communities in this stage
 * @param field only communities of this professional field (exactly as registered)
 * @param leader only communities led by this user id
 * @param overdue only communities with at least one overdue open task
 * @param page the page, from 0
 * @param size communities per page, 1 to {@link #MAX_SIZE}
 */
public record BoardFilter(Stage stage, String field, String leader, boolean overdue, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public BoardFilter {
		field = blankToNull(field);
		leader = blankToNull(leader);
	}

	/**
	 * The filters of a request's parameters as the API and the pages take them (each may
	 * be absent); a parameter that cannot be read is added to {@code errors}, named.
	 */
	static BoardFilter parse(String stage, String field, String leader, String overdue, String page, String size,
			List<FieldError> errors) {
		Stage parsedStage = null;
		if (stage != null && !stage.isBlank()) {
			try {
				parsedStage = Stage.valueOf(stage.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("stage", "must be one of " + Arrays.toString(Stage.values())));
			}
		}
		boolean parsedOverdue = false;
		if (overdue != null && !overdue.isBlank()) {
			if (!List.of("true", "false").contains(overdue.strip())) {
				errors.add(new FieldError("overdue", "must be true or false"));
			}
			parsedOverdue = "true".equals(overdue.strip());
		}
		int parsedPage = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE, errors);
		int parsedSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
		return new BoardFilter(parsedStage, field, leader, parsedOverdue, parsedPage, parsedSize);
	}

	private static int number(String name, String value, int absent, int min, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
		return absent;
	}

	/** The same filters, every community (the CSV export). */
	BoardFilter unpaged() {
		return new BoardFilter(this.stage, this.field, this.leader, this.overdue, 0, Integer.MAX_VALUE);
	}

	long offset() {
		return (long) this.page * this.size;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
