package org.learningcommunities.lifecycle.community;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid form values for the lifecycle's start form and each establishment step, and the
 * steps themselves done by the demo users who own them, through the REST API. End-to-end
 * tests start from here and change what they test.
 */
public final class EstablishmentSteps {

	public static final String MANAGER = "manager";

	public static final String LEADER = "leader";

	public static final String FOUNDATION = "foundation";

	public static final String MINISTRY = "ministry";

	/** The regions and sectors the community mix asks for. */
	public static final List<String> REGIONS = List.of("north", "haifa", "south");

	public static final List<String> SECTORS = List.of("jewish", "arab");

	private final LifecycleRestClient client;

	private final String leader;

	public EstablishmentSteps(LifecycleRestClient client) {
		this(client, LEADER);
	}

	/** The steps for communities led by another member of {@code community-leaders}. */
	public EstablishmentSteps(LifecycleRestClient client, String leader) {
		this.client = client;
		this.leader = leader;
	}

	// valid form values
	// --------------------------------------------------------------------------------------------

	public static Map<String, Object> startForm(String code) {
		return startForm(code, LEADER);
	}

	public static Map<String, Object> startForm(String code, String leader) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("name", "Economic development " + code);
		form.put("code", code);
		form.put("professionalField", "Economic development");
		form.put("leader", leader);
		form.put("foundationRep", FOUNDATION);
		form.put("ministryRep", MINISTRY);
		form.put("professionalPartner", "Tel Aviv University");
		form.put("plannedStart", "2026-09-01");
		form.put("targetSize", 35);
		return form;
	}

	public static Map<String, Object> sharedVision() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("partnerOrganisations", "The foundation, the ministry, Tel Aviv University");
		form.put("agreedBudget", 120000.5);
		form.put("vision", "Local authorities that plan their economy together");
		form.put("responsibilities", "Foundation funds, ministry hosts, university teaches");
		form.put("forumsAndRoutines", "Steering committee every quarter");
		return form;
	}

	public static Map<String, Object> needs() {
		return new LinkedHashMap<>(
				Map.of("dataSources", "Survey of 40 authorities", "needs", "Economic development officers work alone"));
	}

	public static Map<String, Object> goals(String version) {
		return new LinkedHashMap<>(Map.of("goals", "Shared tools for economic planning, " + version, "targets",
				"Ten joint projects by year three, " + version));
	}

	public static Map<String, Object> confirmGoals() {
		return new LinkedHashMap<>(Map.of("goalsDecision", "confirm"));
	}

	public static Map<String, Object> requestChanges(String comment) {
		return new LinkedHashMap<>(Map.of("goalsDecision", "request-changes", "goalsComment", comment));
	}

	public static Map<String, Object> evaluationPlan() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("centralGovernment", "Policy papers adopted by the ministry");
		form.put("localAuthorities", "Plans approved by councils");
		form.put("communityAndMembers", "Attendance and peer learning survey");
		form.put("organisationalEnvelope", "Budget and staff kept");
		form.put("evaluator", "Dr. Eva Luator");
		return form;
	}

	/**
	 * The mix ({@link #REGIONS}, {@link #SECTORS}, 40% of each gender, three years of
	 * seniority) with its checklists sent as Tasklist sends them (JSON variables).
	 */
	public static Map<String, Object> communityMix() {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("targetRoles", "Economic development officers, city engineers");
		form.put("minSeniorityYears", 3);
		form.put("minShareEachGenderPct", 40);
		form.put("sectors", new JsonList(SECTORS));
		form.put("regions", new JsonList(REGIONS));
		return form;
	}

	public static Map<String, Object> signGate() {
		return new LinkedHashMap<>(Map.of("gateDecision", "sign"));
	}

	public static Map<String, Object> sendBackGate(String reason) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("gateDecision", "send-back");
		form.put("gateReason", reason);
		return form;
	}

	// the steps, each by its owner
	// ---------------------------------------------------------------------------------

	/** The project manager starts a community whose business key is its code. */
	public void start(String code) {
		Answer answer = this.client.startCommunity(MANAGER, code, startForm(code, this.leader));
		assertThat(answer.status().value()).as("start of %s: %s", code, answer).isEqualTo(200);
		assertThat(answer.body().path("businessKey").asText()).isEqualTo(code);
	}

	/** From a new community to the goals drafted (the partners' confirmations open). */
	public void upToGoalConfirmation(String code) {
		start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, sharedVision());
		this.client.complete(this.leader, code, EstablishmentProcess.MAP_NEEDS, needs());
		this.client.complete(this.leader, code, EstablishmentProcess.DRAFT_GOALS, goals("version 1"));
	}

	/**
	 * From a new community to the community mix to define, every partner agreeing at
	 * once.
	 */
	public void upToCommunityMix(String code) {
		upToGoalConfirmation(code);
		confirmGoalsAs(FOUNDATION, code, confirmGoals());
		confirmGoalsAs(MINISTRY, code, confirmGoals());
		this.client.complete(MANAGER, code, EstablishmentProcess.PLAN_EVALUATION, evaluationPlan());
	}

	/**
	 * A partner decides on the goals in the confirmation assigned to them (the only one
	 * they see: docs/adr/0010-partner-tasks-belong-to-their-assignee.md).
	 */
	public Answer confirmGoalsAs(String partner, String code, Map<String, Object> form) {
		String taskId = this.client.taskAssignedTo(partner, code, EstablishmentProcess.CONFIRM_GOALS)
			.path("id")
			.asText();
		Answer answer = this.client.submitTask(partner, taskId, form);
		assertThat(answer.status().value()).as("confirm-goals of %s by %s: %s", code, partner, answer).isEqualTo(204);
		return answer;
	}

	/** From a new community to the establishment's stage gate. */
	public void upToStageGate(String code) {
		upToCommunityMix(code);
		this.client.complete(this.leader, code, EstablishmentProcess.DEFINE_COMMUNITY_MIX, communityMix());
	}

	/**
	 * From a new community to year one, where the leader drafts the call for
	 * applications: every establishment step, the stage gate signed, and both partners
	 * approve year one's work plan.
	 */
	public void intoYearOne(String code) {
		upToStageGate(code);
		this.client.complete(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE, signGate());
		new WorkPlanSteps(this.client).approveQuickly(code);
	}

}
