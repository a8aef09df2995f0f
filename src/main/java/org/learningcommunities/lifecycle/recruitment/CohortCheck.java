package org.learningcommunities.lifecycle.recruitment;

import java.time.Instant;
import java.util.List;

/**
 * The admitted group of one round checked against the agreed mix, and the leader's
 * decision on it (a row of {@code lc_cohort_check}).
 *
 * @param shortfalls what {@code community-mix-check} listed, empty when none
 * @param decision {@code null} until the leader decides
 */
public record CohortCheck(long id, long communityId, int round, int admittedCount, List<String> shortfalls,
		Instant checkedAt, Decision decision, String notes, String decidedBy, Instant decidedAt) {

	/** What the leader decided on the cohort. */
	public enum Decision {

		CONFIRMED, REOPENED,

		/**
		 * The target size lowered: the same round is checked again, which replaces this
		 * decision (the lowering itself is kept in {@code lc_target_size_change}).
		 */
		TARGET_LOWERED

	}

}
