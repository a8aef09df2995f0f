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
