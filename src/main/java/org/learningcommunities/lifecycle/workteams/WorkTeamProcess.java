package org.learningcommunities.lifecycle.workteams;

import org.learningcommunities.lifecycle.community.YearTwoProcess;

/**
 * Keys and variables of {@code work-team.bpmn}: one team's six stages (guide p.55)
 * towards the products conference.
 */
public final class WorkTeamProcess {

	public static final String KEY = YearTwoProcess.WORK_TEAM_PROCESS;

	public static final String WORK_TEAM_STARTED = "work-team-started";

	/** Stage 1: members, staff companion, roles, next meeting, and the product. */
	public static final String SET_UP_WORK_TEAM = "set-up-work-team";

	/**
	 * The embedded subprocess of stages 2 to 4; the conference's timer interrupts it when
	 * the team is late.
	 */
	public static final String PREPARE_PRODUCT = "prepare-product";

	/** Stage 2: the plan, who does what, and the budget request. */
	public static final String PLAN_TEAM_PRODUCT = "plan-team-product";

	/** The gateway "Budget requested?". */
	public static final String BUDGET_REQUESTED = "budget-requested";

	/** The project manager's decision on a budget request. */
	public static final String APPROVE_TEAM_BUDGET = "approve-team-budget";

	/** The gateway "Budget approved?". */
	public static final String BUDGET_APPROVED = "budget-approved";

	/** Stage 3: drafts and comments. */
	public static final String REVIEW_TEAM_DRAFTS = "review-team-drafts";

	/** Stage 4: more work and the final preparation. */
	public static final String FINALIZE_TEAM_PRODUCT = "finalize-team-product";

	/** The end of {@link #PREPARE_PRODUCT}. */
	public static final String PRODUCT_READY = "product-ready";

	/**
	 * The interrupting timer on {@link #PREPARE_PRODUCT}, due at
	 * {@link YearTwoProcess#PRODUCTS_CONFERENCE}.
	 */
	public static final String TEAM_LATE_FOR_CONFERENCE = "team-late-for-conference";

	/** The escalation to the project manager when the team is late. */
	public static final String DECIDE_ON_LATE_TEAM = "decide-on-late-team";

	/** The gateway "Present what is ready?". */
	public static final String LATE_TEAM_PRESENTS = "late-team-presents";

	/** The timer a ready team waits at until the conference. */
	public static final String PRODUCTS_CONFERENCE_ARRIVED = "products-conference-arrived";

	/** Stage 5: presented at the conference and signed off. */
	public static final String PRESENT_PRODUCT = "present-product";

	/** Stage 6: summary and feedback. */
	public static final String SUMMARIZE_TEAM_WORK = "summarize-team-work";

	public static final String WORK_TEAM_COMPLETED = "work-team-completed";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/** Set by {@link #PLAN_TEAM_PRODUCT}: whether the plan asks for a budget. */
	public static final String BUDGET_REQUESTED_VARIABLE = "budgetRequested";

	/**
	 * Set by {@link #APPROVE_TEAM_BUDGET}: {@link #BUDGET_APPROVE} or
	 * {@link #BUDGET_REFUSE}.
	 */
	public static final String BUDGET_DECISION = "budgetDecision";

	public static final String BUDGET_APPROVE = "approve";

	public static final String BUDGET_REFUSE = "refuse";

	/**
	 * Set by {@link #DECIDE_ON_LATE_TEAM}: {@link #LATE_PRESENT} or {@link #LATE_DROP}.
	 */
	public static final String LATE_TEAM_DECISION = "lateTeamDecision";

	public static final String LATE_PRESENT = "present";

	public static final String LATE_DROP = "drop";

	private WorkTeamProcess() {
	}

}
