package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code year-three.bpmn}. The impact tracks' own process,
 * {@code impact-track.bpmn}, and the farewell belong to the impact capability. The year
 * summary and the stage gate are in {@link YearProcess} and
 * {@link CommunityLifecycleProcess}.
 */
public final class YearThreeProcess {

	public static final String KEY = "year-three";

	public static final String YEAR_THREE_STARTED = "year-three-started";

	public static final String YEAR_THREE_COMPLETED = "year-three-completed";

	/** The call activity of {@code renewal.bpmn}, as in year two. */
	public static final String RENEWAL = RenewalProcess.KEY;

	/** The first meeting: the topics and the impact tracks. */
	public static final String CHOOSE_IMPACT_TRACKS = "choose-impact-tracks";

	/**
	 * The multi-instance call activity of {@code impact-track.bpmn}, one per id in
	 * {@link #IMPACT_TRACKS_VARIABLE}.
	 */
	public static final String IMPACT_TRACKS = "impact-tracks";

	/** The called process of {@link #IMPACT_TRACKS}. */
	public static final String IMPACT_TRACK_PROCESS = "impact-track";

	/** The farewell and the summary of three years (a task key of the contract). */
	public static final String HOLD_FAREWELL = "hold-farewell";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/**
	 * The ids of the year's impact tracks (Longs), set by {@link #CHOOSE_IMPACT_TRACKS}.
	 */
	public static final String IMPACT_TRACKS_VARIABLE = "impactTracks";

	/** One track's id: the element variable, passed into its impact-track process. */
	public static final String IMPACT_TRACK_ID = "impactTrackId";

	private YearThreeProcess() {
	}

}
