package org.learningcommunities.lifecycle.community;

/**
 * Keys shared by {@code year-one.bpmn}, {@code year-two.bpmn} and
 * {@code year-three.bpmn}.
 */
public final class YearProcess {

	public static final String SUMMARIZE_YEAR = "summarize-year";

	/**
	 * The leading core lays out the year's meetings; each row starts a
	 * {@code community-meeting}.
	 */
	public static final String LAY_OUT_SYLLABUS = "lay-out-syllabus";

	public static final String COUNT_OPEN_MEETINGS = "count-open-meetings";

	/** The gateway "Every meeting held or cancelled?". */
	public static final String MEETINGS_CONCLUDED = "meetings-concluded";

	/**
	 * The message catch event and the message name: each community-meeting sends it, by
	 * the community's business key, when it ends (held or cancelled).
	 */
	public static final String MEETING_CONCLUDED = "meeting-concluded";

	/** The event-based gateway where a year waits for its meetings. */
	public static final String MEETING_CONCLUDED_OR_RECOUNT = "meeting-concluded-or-recount";

	/** The daily timer that counts the open meetings again. */
	public static final String RECOUNT_MEETINGS = "recount-meetings";

	/** Meetings not yet held or cancelled, set by {@link #COUNT_OPEN_MEETINGS}. */
	public static final String OPEN_MEETINGS = "openMeetings";

	private YearProcess() {
	}

}
