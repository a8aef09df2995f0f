package org.learningcommunities.lifecycle.approvals;

import java.time.Instant;

/**
 * Advice of a member of the advisory committee on one version of a work plan, as the
 * leader or the project manager recorded it. Advice only: it never blocks an approval.
 */
public record Advice(long versionId, String memberName, String advice, String recordedBy, Instant recordedAt) {

}
