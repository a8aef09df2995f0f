package org.learningcommunities.lifecycle.recruitment;

/**
 * Where a candidate stands in the funnel (lc_candidate.status).
 */
public enum CandidateStatus {

	/** Applied; waits for screening. */
	APPLIED,
	/** Screened in; waits for the interview. */
	INTERVIEW,
	/** Admitted after the interview. */
	ADMITTED,
	/** Declined after the interview. */
	DECLINED,
	/** Not invited to an interview. */
	SCREENED_OUT,
	/** Withdrew their application. */
	WITHDRAWN,
	/**
	 * Was a member and left at the renewal of a later year (lc_member_departure keeps
	 * why).
	 */
	LEFT

}
