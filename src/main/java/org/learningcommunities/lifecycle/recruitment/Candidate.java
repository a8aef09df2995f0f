package org.learningcommunities.lifecycle.recruitment;

import java.time.Instant;

/**
 * Someone who answered a community's call for applications (lc_candidate).
 *
 * @param language the language the candidate is written to in: {@code he} or {@code en}
 * @param statusReason why the candidate was screened out or withdrew, if known
 * @param decidedAt when the candidate was screened out, admitted, declined or withdrew
 */
public record Candidate(long id, long communityId, long callId, String fullName, String email, String authority,
		String role, String region, String sector, String gender, Integer seniorityYears, String language,
		String motivation, CandidateStatus status, String statusReason, Instant appliedAt, Instant decidedAt) {
}
