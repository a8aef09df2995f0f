package org.learningcommunities.lifecycle.reminders;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

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
 * task opens are skipped; when all have passed, one goes out at once.
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

	/** The reminder timer's cycle: {@code R<count - 1>/<first reminder>/<every>}. */
	public String cycle(String kind, Date anchor) {
		Schedule schedule = schedule(kind);
		return "R" + (schedule.count() - 1) + "/" + first(schedule, anchor) + "/" + schedule.every();
	}

	/** When the task is escalated: {@code escalate-after} after the last reminder. */
	public Date escalation(String kind, Date anchor) {
		Schedule schedule = schedule(kind);
		Instant last = first(schedule, anchor).plus(schedule.every().multipliedBy(schedule.count() - 1L));
		return Date.from(last.plus(schedule.escalateAfter()));
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

	private static Instant first(Schedule schedule, Date anchor) {
		if (anchor == null) {
			throw new IllegalArgumentException("A reminder needs a date to count from");
		}
		return anchor.toInstant().plus(schedule.first());
	}

}
