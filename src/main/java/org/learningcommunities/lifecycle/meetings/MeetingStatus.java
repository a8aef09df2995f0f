package org.learningcommunities.lifecycle.meetings;

/** Where a meeting stands. */
public enum MeetingStatus {

	/** Scheduled: being planned, or waiting for its day. */
	PLANNED,
	/** Its attendance was recorded. */
	HELD,
	/** Cancelled, with the reason if one was given. */
	CANCELLED

}
