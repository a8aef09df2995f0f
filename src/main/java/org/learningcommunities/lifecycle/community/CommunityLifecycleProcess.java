package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code community-lifecycle.bpmn} and of the stage gate every
 * stage ends with.
 */
public final class CommunityLifecycleProcess {

	public static final String KEY = "community-lifecycle";

	public static final String START_FORM = "start-community-lifecycle";

	public static final String REGISTER_COMMUNITY = "register-community";

	public static final String COMMUNITY_COMPLETED = "community-completed";

	/** The user task that closes every stage process. */
	public static final String SIGN_STAGE_GATE = "sign-stage-gate";

	/** Variables kept on the process: ids and decisions only. */
	public static final String COMMUNITY_CODE = "communityCode";

	public static final String LEADER = "leader";

	public static final String FOUNDATION_REP = "foundationRep";

	public static final String MINISTRY_REP = "ministryRep";

	public static final String PARTNER_REPS = "partnerReps";

	public static final String GATE_DECISION = "gateDecision";

	public static final String GATE_SIGN = "sign";

	public static final String GATE_SEND_BACK = "send-back";

	private CommunityLifecycleProcess() {
	}

}
