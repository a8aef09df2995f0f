package org.learningcommunities.lifecycle.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One round of a community's call for applications (ניסוח "קול קורא", guide p.43), a row
 * of {@code lc_call}.
 *
 * @param deadline the last day applications are accepted
 */
public record CallForApplications(long id, long communityId, int round, String callText, String audience,
		LocalDate deadline, Status status, String draftedBy, Instant openedAt, Instant closedAt) {

	/**
	 * The moment the call closes by itself: the end of its deadline day in the given zone
	 * (the application clock's).
	 */
	public Instant closesAt(ZoneId zone) {
		return this.deadline.plusDays(1).atStartOfDay(zone).toInstant();
	}

	/** Where a call is: drafted by the leader, open for applications, or closed. */
	public enum Status {

		DRAFT, OPEN, CLOSED

	}

}
