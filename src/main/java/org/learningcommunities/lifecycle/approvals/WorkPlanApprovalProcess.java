package org.learningcommunities.lifecycle.approvals;

/**
 * Keys and variables of {@code work-plan-approval.bpmn}.
 */
public final class WorkPlanApprovalProcess {

	public static final String KEY = "work-plan-approval";

	public static final String WORK_PLAN_REQUESTED = "work-plan-requested";

	public static final String DRAFT_WORK_PLAN = "draft-work-plan";

	/** The embedded subprocess in which the partners decide on one version. */
	public static final String APPROVAL_ROUND = "approval-round";

	/** One task per partner's representative, in parallel (contract task key). */
	public static final String APPROVE_WORK_PLAN = "approve-work-plan";

	public static final String ROUND_DECIDED = "round-decided";

	/**
	 * Non-interrupting timer on the approvals, {@link #REMINDER_DAYS} after they open.
	 */
	public static final String APPROVAL_REMINDER_DUE = "approval-reminder-due";

	public static final String REMIND_PARTNERS = "remind-partners";

	public static final String PARTNERS_REMINDED = "partners-reminded";

	/**
	 * Non-interrupting timer on the approvals, {@link #APPROVAL_DAYS} after they open:
	 * the approvals' due date.
	 */
	public static final String APPROVAL_DEADLINE_PASSED = "approval-deadline-passed";

	public static final String ESCALATE_WORK_PLAN_APPROVAL = "escalate-work-plan-approval";

	public static final String APPROVAL_ESCALATED = "approval-escalated";

	public static final String CHECK_PLAN_APPROVED = "check-plan-approved";

	/** The gateway "Approved by both partners?". */
	public static final String PLAN_APPROVED_GATEWAY = "plan-approved";

	public static final String WORK_PLAN_APPROVED = "work-plan-approved";

	/** Passed in by the lifecycle: the year the plan is for (1, 2 or 3). */
	public static final String PLAN_YEAR = "planYear";

	/** Passed in by the lifecycle: the community's code, leader and partners. */
	public static final String COMMUNITY_CODE = "communityCode";

	public static final String LEADER = "leader";

	public static final String PARTNER_REPS = "partnerReps";

	/** The partner of one approval task (the multi-instance's element variable). */
	public static final String PARTNER = "partner";

	/**
	 * Set by each approval: true when the partner asked for changes, which ends the round
	 * at once (the multi-instance's completion condition).
	 */
	public static final String CHANGES_REQUESTED = "changesRequested";

	/**
	 * Set by {@link #CHECK_PLAN_APPROVED}: both partners approved the latest version.
	 */
	public static final String PLAN_APPROVED = "planApproved";

	/**
	 * Days the partners have to decide: the approvals' due date and the deadline timer.
	 */
	public static final int APPROVAL_DAYS = 14;

	/** Days after which the partners who have not decided are reminded. */
	public static final int REMINDER_DAYS = 10;

	private WorkPlanApprovalProcess() {
	}

}
