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

	/** Deadlines are days in Israel, where the communities are. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	/**
	 * The moment the call closes by itself, the one definition for the deadline timer and
	 * the applications API: the end of its deadline day in Israel.
	 */
	public Instant closesAt() {
		return closesAt(this.deadline);
	}

	static Instant closesAt(LocalDate deadline) {
		return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** Where a call is: drafted by the leader, open for applications, or closed. */
	public enum Status {

		DRAFT, OPEN, CLOSED

	}

}
