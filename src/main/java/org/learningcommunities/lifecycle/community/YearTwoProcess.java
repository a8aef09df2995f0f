package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code year-two.bpmn}. The work teams' own process,
 * {@code work-team.bpmn}, belongs to the workteams capability, which also stores what
 * {@link #FORM_WORK_TEAMS} decides. The year summary and the stage gate are in
 * {@link YearProcess} and {@link CommunityLifecycleProcess}.
 */
public final class YearTwoProcess {

	public static final String KEY = "year-two";

	public static final String YEAR_TWO_STARTED = "year-two-started";

	public static final String YEAR_TWO_COMPLETED = "year-two-completed";

	/**
	 * The call activity of {@code renewal.bpmn} (id = called process key), as in year
	 * three.
	 */
	public static final String RENEWAL = RenewalProcess.KEY;

	/** The first meeting: the central topics, one work team per topic. */
	public static final String FORM_WORK_TEAMS = "form-work-teams";

	/**
	 * The multi-instance call activity of {@code work-team.bpmn}, one per id in
	 * {@link #WORK_TEAMS_VARIABLE}.
	 */
	public static final String WORK_TEAMS = "work-teams";

	/** The called process of {@link #WORK_TEAMS}. */
	public static final String WORK_TEAM_PROCESS = "work-team";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/** The ids of the year's work teams (Longs), set by {@link #FORM_WORK_TEAMS}. */
	public static final String WORK_TEAMS_VARIABLE = "workTeams";

	/** One team's id: the element variable, passed into its work-team process. */
	public static final String WORK_TEAM_ID = "workTeamId";

	/**
	 * The one deadline of every team (a {@link java.util.Date}: the start of the products
	 * conference's day, Israel time), set by {@link #FORM_WORK_TEAMS} and passed into
	 * each work-team process.
	 */
	public static final String PRODUCTS_CONFERENCE = "productsConference";

	private YearTwoProcess() {
	}

}
