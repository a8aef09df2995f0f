package org.learningcommunities.lifecycle.approvals;

import java.time.Instant;

/**
 * A community's work plan for one year (a row of {@code lc_work_plan}).
 *
 * @param approvedVersion the version both partners approved, once they did
 */
public record WorkPlan(long id, long communityId, int year, Status status, Integer approvedVersion, Instant approvedAt,
		Instant createdAt) {

	/** Where the plan stands. */
	public enum Status {

		/** The latest version waits for the partners' decisions. */
		AWAITING_APPROVAL,
		/** A partner asked for changes: a new version is being drafted. */
		CHANGES_REQUESTED,
		/** Both partners approved the same version: the year may start. */
		APPROVED

	}

}
