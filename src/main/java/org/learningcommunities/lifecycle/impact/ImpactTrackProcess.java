package org.learningcommunities.lifecycle.impact;

import org.learningcommunities.lifecycle.community.YearThreeProcess;

/**
 * Keys and variables of {@code impact-track.bpmn}: one track from its plan through its
 * progress reviews to its outcome, or its abandonment.
 */
public final class ImpactTrackProcess {

	public static final String KEY = YearThreeProcess.IMPACT_TRACK_PROCESS;

	public static final String IMPACT_TRACK_STARTED = "impact-track-started";

	/** Kind, goal, leading members, milestones and accompaniment. */
	public static final String PLAN_IMPACT_TRACK = "plan-impact-track";

	public static final String REVIEW_TRACK_PROGRESS = "review-track-progress";

	/** The gateway "Where does the track stand?". */
	public static final String TRACK_STATUS = "track-status";

	public static final String RECORD_TRACK_OUTCOME = "record-track-outcome";

	public static final String IMPACT_TRACK_COMPLETED = "impact-track-completed";

	public static final String IMPACT_TRACK_ABANDONED = "impact-track-abandoned";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/**
	 * Set by {@link #REVIEW_TRACK_PROGRESS}: {@link #TRACK_CONTINUE},
	 * {@link #TRACK_COMPLETE} or {@link #TRACK_ABANDON}.
	 */
	public static final String TRACK_DECISION = "trackDecision";

	public static final String TRACK_CONTINUE = "continue";

	public static final String TRACK_COMPLETE = "complete";

	public static final String TRACK_ABANDON = "abandon";

	private ImpactTrackProcess() {
	}

}
