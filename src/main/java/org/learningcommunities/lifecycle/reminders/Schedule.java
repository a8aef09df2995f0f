package org.learningcommunities.lifecycle.reminders;

import java.time.Duration;

/**
 * When the reminders of one kind of task go out (settings
 * {@code lifecycle.reminders.<kind>.*}), counted from an anchor the model gives: the
 * task's due date, or the meeting day.
 *
 * @param first the first reminder, from the anchor; negative before it ({@code -P2D}: two
 * days before the task is due)
 * @param every between two reminders
 * @param count how many reminders at most (1 or more); they stop when the task is done
 * @param escalateAfter after the last reminder, when the task is still open: the project
 * managers are told and get a follow-up task
 */
public record Schedule(Duration first, Duration every, int count, Duration escalateAfter) {

	public Schedule {
		if (first == null) {
			throw new IllegalArgumentException("first is required");
		}
		if (every == null || every.isNegative() || every.isZero()) {
			every = Duration.ofDays(1);
		}
		if (count < 1) {
			count = 1;
		}
		if (escalateAfter == null || escalateAfter.isNegative() || escalateAfter.isZero()) {
			escalateAfter = every;
		}
	}

}
