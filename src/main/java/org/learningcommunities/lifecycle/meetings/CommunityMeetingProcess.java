package org.learningcommunities.lifecycle.meetings;

import java.time.ZoneId;

/**
 * Keys, messages and variables of {@code community-meeting.bpmn}.
 */
public final class CommunityMeetingProcess {

	public static final String KEY = "community-meeting";

	public static final String MEETING_SCHEDULED = "meeting-scheduled";

	public static final String PLAN_MEETING = "plan-meeting";

	public static final String ARRANGE_LOGISTICS = "arrange-logistics";

	public static final String MEETING_DAY_MOVED_OR_CANCELLED = "meeting-day-moved-or-cancelled";

	public static final String MEETING_DAY_ARRIVED = "meeting-day-arrived";

	public static final String RECORD_ATTENDANCE = "record-attendance";

	public static final String WRITE_KNOWLEDGE_PRODUCT = "write-knowledge-product";

	public static final String MEETING_HELD = "meeting-held";

	/** The catch event of the gateway, and the message's name. */
	public static final String MEETING_CANCELLED = "meeting-cancelled";

	public static final String MEETING_CANCELLED_END = "meeting-cancelled-end";

	/** The start of the event subprocess: cancelled while still being planned. */
	public static final String MEETING_CANCELLED_IN_PLANNING = "meeting-cancelled-in-planning";

	public static final String MEETING_CANCELLED_IN_PLANNING_END = "meeting-cancelled-in-planning-end";

	/**
	 * Message: the meeting moved to another day; {@link #MEETING_DAY} holds the new day.
	 * Correlated by business key and {@link #MEETING_ID}.
	 */
	public static final String MEETING_MOVED = "meeting-moved";

	/**
	 * Message: the meeting moved; starts the event subprocess that tells whoever got the
	 * notice ({@link MeetingNotices}). Sent to the process instance by
	 * {@link MeetingService#move}, in planning or while waiting for the day.
	 */
	public static final String MEETING_RESCHEDULED = "meeting-rescheduled";

	public static final String SEND_MEETING_UPDATE = "send-meeting-update";

	public static final String MEETING_UPDATE_SENT = "meeting-update-sent";

	/** The timer of the notice event subprocess: a week before the meeting day. */
	public static final String MEETING_NOTICE_DUE = "meeting-notice-due";

	public static final String SEND_MEETING_NOTICE = "send-meeting-notice";

	public static final String MEETING_NOTICE_SENT = "meeting-notice-sent";

	/** Tell whoever got the notice that the meeting is cancelled, from either path. */
	public static final String SEND_CANCELLATION = "send-cancellation";

	public static final String SEND_CANCELLATION_IN_PLANNING = "send-cancellation-in-planning";

	/** The reminders of the planning sheet, and the escalation after them. */
	public static final String PLAN_MEETING_REMINDER = "plan-meeting-reminder";

	public static final String REMIND_PLAN_MEETING = "remind-plan-meeting";

	public static final String PLAN_MEETING_REMINDED = "plan-meeting-reminded";

	public static final String PLAN_MEETING_OVERDUE = "plan-meeting-overdue";

	public static final String ESCALATE_PLAN_MEETING = "escalate-plan-meeting";

	public static final String FOLLOW_UP_OVERDUE_TASK = "follow-up-overdue-task";

	public static final String OVERDUE_TASK_FOLLOWED_UP = "overdue-task-followed-up";

	/** Variables kept on the process: ids and dates only. */
	public static final String MEETING_ID = "meetingId";

	public static final String LEADER = "leader";

	/** When the meeting day begins (a {@link java.util.Date}): the timer's date. */
	public static final String MEETING_DAY = "meetingDay";

	/** When the planning sheet and the logistics are due: a week before the day. */
	public static final String PLAN_DUE = "planDue";

	/** Meeting days are days in Israel. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	private CommunityMeetingProcess() {
	}

}
