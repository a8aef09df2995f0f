package org.learningcommunities.lifecycle.reminders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The dates of the reminder, escalation and notice timers, from the settings
 * {@code lifecycle.reminders.<kind>.*} (see {@link Schedule}). The models' timers ask it
 * by its bean name, with the kind and the anchor, for example a reminder timer on
 * {@code screen-candidate}:
 * {@code <bpmn:timeCycle>${reminderSchedule.cycle('screen-candidate',
 * dateTime().plusDays(7).toDate())}</bpmn:timeCycle>}.
 * <p>
 * A reminder timer is a cycle with a start date: {@code R<count - 1>/<first>/<every>},
 * which the engine fires {@code count} times, each time one {@code every} after the
 * other, and which it drops when the task ends. Reminders whose time has passed when the
 * task opens are skipped; when all have passed, one goes out at once, and the escalation
 * follows it.
 */
public class ReminderSchedule {

	private final Map<String, Schedule> kinds;

	private final String mailRetries;

	/**
	 * @param kinds the schedule of each kind, by kind (the task key, or
	 * {@code meeting-notice})
	 * @param mailRetries the {@code failedJobRetryTimeCycle} of every mail job: a list of
	 * intervals ({@code PT1M,PT5M,...}) or a cycle ({@code R5/PT1M})
	 */
	public ReminderSchedule(Map<String, Schedule> kinds, String mailRetries) {
		this.kinds = new TreeMap<>(kinds);
		this.mailRetries = mailRetries;
	}

	/**
	 * The reminder timer's cycle: {@code R<repeats>/<first reminder>/<every>}. Reminders
	 * whose time has passed (a task opened late, a meeting scheduled soon) are left out;
	 * when all have passed, one goes out at once.
	 */
	public String cycle(String kind, Date anchor) {
		Schedule schedule = schedule(kind);
		List<Instant> reminders = reminders(schedule, anchor);
		return "R" + (reminders.size() - 1) + "/" + reminders.get(0) + "/" + schedule.every();
	}

	/**
	 * When the task is escalated: {@code escalate-after} after the last reminder it gets.
	 */
	public Date escalation(String kind, Date anchor) {
		Schedule schedule = schedule(kind);
		List<Instant> reminders = reminders(schedule, anchor);
		return Date.from(reminders.get(reminders.size() - 1).plus(schedule.escalateAfter()));
	}

	/** A one-time notice: {@code first} from the anchor. */
	public Date at(String kind, Date anchor) {
		return Date.from(first(schedule(kind), anchor));
	}

	/** The retries of every mail job, for {@code camunda:failedJobRetryTimeCycle}. */
	public String getMailRetries() {
		return this.mailRetries;
	}

	/** Every kind with its schedule, by kind. */
	public Map<String, Schedule> kinds() {
		return this.kinds;
	}

	private Schedule schedule(String kind) {
		Schedule schedule = this.kinds.get(kind);
		if (schedule == null) {
			throw new IllegalArgumentException(
					"No reminder settings for '" + kind + "': set lifecycle.reminders." + kind + ".first");
		}
		return schedule;
	}

	/**
	 * The times of the reminders still to come, by the engine's clock (the one its timers
	 * count with); now, when all have passed.
	 */
	private static List<Instant> reminders(Schedule schedule, Date anchor) {
		Instant now = ClockUtil.getCurrentTime().toInstant();
		List<Instant> reminders = new ArrayList<>();
		Instant next = first(schedule, anchor);
		for (int i = 0; i < schedule.count(); i++) {
			if (!next.isBefore(now)) {
				reminders.add(next);
			}
			next = next.plus(schedule.every());
		}
		// at once: within ten seconds, since the engine refuses a cycle whose one firing
		// is
		// already past when it schedules it ("duedate is null"), and a busy machine took
		// more
		// than one second between here and there (bench/run found it)
		return reminders.isEmpty() ? List.of(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(10)) : reminders;
	}

	private static Instant first(Schedule schedule, Date anchor) {
		if (anchor == null) {
			throw new IllegalArgumentException("A reminder needs a date to count from");
		}
		return anchor.toInstant().plus(schedule.first());
	}

}
