package org.learningcommunities.lifecycle.reminders;

/**
 * The names a model uses to attach reminders to a user task (docs/architecture.md,
 * "Attach reminders to a user task").
 */
public final class Reminders {

	/**
	 * The {@code camunda:property} of a reminder or escalation service task that names
	 * the user task it is about (its task key, also the kind of
	 * {@code lifecycle.reminders.<kind>}).
	 */
	public static final String REMINDER_FOR = "reminderFor";

	/** The bean of the reminder service tasks. */
	public static final String SEND_REMINDER_DELEGATE = "sendReminderDelegate";

	/** The bean of the escalation service tasks. */
	public static final String SEND_ESCALATION_DELEGATE = "sendEscalationDelegate";

	/** The project managers' task after an escalation, and its form. */
	public static final String FOLLOW_UP_OVERDUE_TASK = "follow-up-overdue-task";

	/** The kind of the meeting notice in {@code lifecycle.reminders}. */
	public static final String MEETING_NOTICE = "meeting-notice";

	private Reminders() {
	}

}
