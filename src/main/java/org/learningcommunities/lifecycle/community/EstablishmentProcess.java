package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code establishment.bpmn}.
 */
public final class EstablishmentProcess {

	public static final String KEY = "establishment";

	public static final String RECRUIT_PARTNERS = "recruit-partners";

	public static final String MAP_NEEDS = "map-needs";

	public static final String DRAFT_GOALS = "draft-goals";

	public static final String CONFIRM_GOALS = "confirm-goals";

	public static final String CHECK_GOALS_AGREED = "check-goals-agreed";

	public static final String PLAN_EVALUATION = "plan-evaluation";

	public static final String DEFINE_COMMUNITY_MIX = "define-community-mix";

	/**
	 * Set by {@link #CHECK_GOALS_AGREED}: every partner confirmed the latest goal set.
	 */
	public static final String GOALS_AGREED = "goalsAgreed";

	private EstablishmentProcess() {
	}

}
