package org.learningcommunities.lifecycle.approvals;

import java.time.Instant;
import java.util.Map;

/**
 * A partner's decision on one version of a work plan (a row of
 * {@code lc_work_plan_decision}).
 *
 * @param comments the partner's comment on each section commented on
 */
public record PartnerDecision(long versionId, String partnerId, boolean approved, Map<Section, String> comments,
		Instant decidedAt) {

}
