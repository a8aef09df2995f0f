package org.learningcommunities.lifecycle.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.FOUNDATION;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MINISTRY;

/**
 * The establishment journey end to end, the way its users live it: the project manager
 * starts a community, each step is done by the demo user who owns it over the engine REST
 * API (as Tasklist does), year one's work plan is approved, and the project manager
 * follows the community on {@code /api/communities}. The whole application runs on the
 * demo profile's in-memory H2; every test uses its own community code.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EstablishmentJourneyIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The current step as the API gives it: the task's name in the model, Hebrew first.
	 */
	private static final String RECRUIT_PARTNERS_STEP = "רתימת שותפים והסכמה על חזון משותף / Recruit partners and agree the shared vision";

	private static final String DRAFT_CALL_STEP = "ניסוח הקול הקורא / Draft the call for applications";

	@Autowired
	private TestRestTemplate rest;

	private LifecycleRestClient client;

	private EstablishmentSteps steps;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new EstablishmentSteps(this.client);
	}

	@Test
	void communityIsEstablishedWithAPartnerAskingForChangesAndEntersYearOne() {
		String code = "journey-year-one";

		// given the project manager started a community
		this.steps.start(code);
		assertProgress(code, "ESTABLISHMENT", RECRUIT_PARTNERS_STEP);

		// when the project manager recruits the partners (a project managers' task the
		// leader does not see)
		JsonNode recruit = this.client.task(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS);
		assertThat(this.client.candidateGroups(MANAGER, recruit.path("id").asText()))
			.containsExactly("project-managers");
		assertThat(this.client.tasks(LEADER, code, EstablishmentProcess.RECRUIT_PARTNERS)).isEmpty();
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());

		// and the leader maps the needs and drafts the goals (her own tasks)
		JsonNode mapNeeds = this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.MAP_NEEDS);
		assertThat(this.client.candidateGroups(MANAGER, mapNeeds.path("id").asText()))
			.containsExactly("community-leaders");
		this.client.complete(LEADER, code, EstablishmentProcess.MAP_NEEDS, EstablishmentSteps.needs());
		this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.DRAFT_GOALS);
		this.client.complete(LEADER, code, EstablishmentProcess.DRAFT_GOALS, EstablishmentSteps.goals("version 1"));

		// then every partner has a confirmation of its own, showing the draft
		List<String> assignees = new ArrayList<>();
		this.client.tasks(MANAGER, code, EstablishmentProcess.CONFIRM_GOALS)
			.forEach((task) -> assignees.add(task.path("assignee").asText()));
		assertThat(assignees).containsExactlyInAnyOrder(FOUNDATION, MINISTRY);
		JsonNode foundationTask = this.client.taskAssignedTo(FOUNDATION, code, EstablishmentProcess.CONFIRM_GOALS);
		assertThat(this.client.candidateGroups(MANAGER, foundationTask.path("id").asText()))
			.containsExactly("partners");
		JsonNode draft = this.client.formVariables(FOUNDATION, foundationTask.path("id").asText());
		assertThat(draft.path("goalsVersion").path("value").asInt()).isEqualTo(1);
		assertThat(draft.path("goals").path("value").asText()).endsWith("version 1");

		// when the foundation asks for changes and the ministry confirms
		submitOk(FOUNDATION, foundationTask, EstablishmentSteps.requestChanges("Add a target for the Arab sector"));
		submitOk(MINISTRY, this.client.taskAssignedTo(MINISTRY, code, EstablishmentProcess.CONFIRM_GOALS),
				EstablishmentSteps.confirmGoals());

		// then the leader redrafts the goals, with the previous draft and the
		// foundation's comment before her
		JsonNode redraft = this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.DRAFT_GOALS);
		JsonNode previous = this.client.formVariables(LEADER, redraft.path("id").asText());
		assertThat(previous.path("goals").path("value").asText()).endsWith("version 1");
		assertThat(previous.path("partnerComments").path("value").asText())
			.isEqualTo("foundation: Add a target for the Arab sector");
		assertProgress(code, "ESTABLISHMENT", "ניסוח מטרות ויעדים / Draft goals and targets");
		submitOk(LEADER, redraft, EstablishmentSteps.goals("version 2"));

		// when both partners confirm the second version
		JsonNode secondDraft = this.client.taskAssignedTo(MINISTRY, code, EstablishmentProcess.CONFIRM_GOALS);
		assertThat(this.client.formVariables(MINISTRY, secondDraft.path("id").asText())
			.path("goalsVersion")
			.path("value")
			.asInt()).isEqualTo(2);
		submitOk(MINISTRY, secondDraft, EstablishmentSteps.confirmGoals());
		submitOk(FOUNDATION, this.client.taskAssignedTo(FOUNDATION, code, EstablishmentProcess.CONFIRM_GOALS),
				EstablishmentSteps.confirmGoals());

		// then the evaluation is planned and the mix defined
		JsonNode planEvaluation = this.client.task(MANAGER, code, EstablishmentProcess.PLAN_EVALUATION);
		assertThat(this.client.candidateGroups(MANAGER, planEvaluation.path("id").asText()))
			.containsExactly("project-managers");
		this.client.complete(MANAGER, code, EstablishmentProcess.PLAN_EVALUATION, EstablishmentSteps.evaluationPlan());
		this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.DEFINE_COMMUNITY_MIX);
		this.client.complete(LEADER, code, EstablishmentProcess.DEFINE_COMMUNITY_MIX,
				EstablishmentSteps.communityMix());

		// when the project manager reads the stage summary and signs the gate
		JsonNode gate = this.client.task(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE);
		assertThat(this.client.candidateGroups(MANAGER, gate.path("id").asText())).containsExactly("project-managers");
		String summary = this.client.formVariables(MANAGER, gate.path("id").asText())
			.path("stageSummary")
			.path("value")
			.asText();
		assertThat(summary).contains(code, "ESTABLISHMENT", "version 2", "Dr. Eva Luator", "sectors jewish,arab",
				"regions north,haifa,south");
		submitOk(MANAGER, gate, EstablishmentSteps.signGate());

		// then establishment is over, and year one waits for its work plan: the leader
		// drafts it, and both partners approve it
		JsonNode waiting = assertProgress(code, "ESTABLISHMENT",
				"ניסוח תוכנית העבודה של השנה / Draft the year's work plan");
		assertThat(waiting.path("stageHistory").get(0).hasNonNull("leftAt")).isTrue();
		this.client.taskAssignedTo(LEADER, code, WorkPlanApprovalProcess.DRAFT_WORK_PLAN);
		assertThat(this.client.tasks(MANAGER, code, YearOneProcess.DRAFT_CALL)).isEmpty();
		new WorkPlanSteps(this.client).approveQuickly(code);

		// then the community is in year one, where the leader drafts the call for
		// applications
		JsonNode community = assertProgress(code, "YEAR_ONE", DRAFT_CALL_STEP);
		assertThat(community.path("openTasks").asInt()).isEqualTo(1);
		assertThat(community.path("overdueTasks").asInt()).isZero();
		assertThat(community.path("stageHistory").findValuesAsText("stage")).containsExactly("ESTABLISHMENT",
				"YEAR_ONE");
		assertThat(community.path("stageHistory").get(0).hasNonNull("leftAt")).isTrue();
		this.client.taskAssignedTo(LEADER, code, YearOneProcess.DRAFT_CALL);
		assertThat(this.client.tasks(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS)).isEmpty();

		Answer all = this.client.get(MANAGER, "/api/communities");
		assertThat(all.status().value()).isEqualTo(200);
		JsonNode listed = null;
		for (JsonNode each : all.body()) {
			if (code.equals(each.path("code").asText())) {
				listed = each;
			}
		}
		assertThat(listed).as("%s in /api/communities", code).isNotNull();
		assertThat(listed.path("stage").asText()).isEqualTo("YEAR_ONE");
		assertThat(listed.path("currentStep").asText()).isEqualTo(DRAFT_CALL_STEP);
	}

	@Test
	void stageGateSentBackNeedsAReasonAndReopensEstablishmentWithTheStoredValues() {
		String code = "journey-sent-back";

		// given establishment done up to the stage gate
		this.steps.upToStageGate(code);
		JsonNode gate = this.client.task(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE);
		String gateId = gate.path("id").asText();

		// when the project manager sends it back without a reason (or a blank one), it is
		// refused and stays open
		List<Map<String, Object>> withoutReason = List.of(
				LifecycleRestClient.without(EstablishmentSteps.sendBackGate("unused"), "gateReason"),
				EstablishmentSteps.sendBackGate("   "));
		for (Map<String, Object> form : withoutReason) {
			Answer refused = this.client.submitTask(MANAGER, gateId, form);
			assertThat(refused.status().value()).as("send back %s: %s", form, refused).isEqualTo(400);
			assertThat(refused.message()).contains("gateReason");
			assertThat(this.client.task(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE).path("id").asText())
				.isEqualTo(gateId);
		}

		// when it is sent back with a reason
		submitOk(MANAGER, gate, EstablishmentSteps.sendBackGate("The budget is not agreed by the ministry"));

		// then the establishment starts again at partner recruitment, with the stored
		// values to revise
		assertThat(this.client.tasks(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE)).isEmpty();
		assertProgress(code, "ESTABLISHMENT", RECRUIT_PARTNERS_STEP);
		JsonNode recruit = this.client.task(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS);
		JsonNode storedVision = this.client.formVariables(MANAGER, recruit.path("id").asText());
		assertPrefilled(storedVision, EstablishmentSteps.sharedVision());

		// and every step opens with what was stored, which Tasklist submits back as the
		// user leaves it
		submitOk(MANAGER, recruit, tasklistSubmission(storedVision, EstablishmentSteps.sharedVision()));
		reviseAsItIs(LEADER, code, EstablishmentProcess.MAP_NEEDS, EstablishmentSteps.needs());
		JsonNode redraft = this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.DRAFT_GOALS);
		assertThat(this.client.formVariables(LEADER, redraft.path("id").asText()).path("goals").path("value").asText())
			.endsWith("version 1");
		submitOk(LEADER, redraft, EstablishmentSteps.goals("version 2"));
		this.steps.confirmGoalsAs(FOUNDATION, code, EstablishmentSteps.confirmGoals());
		this.steps.confirmGoalsAs(MINISTRY, code, EstablishmentSteps.confirmGoals());
		reviseAsItIs(MANAGER, code, EstablishmentProcess.PLAN_EVALUATION, EstablishmentSteps.evaluationPlan());
		reviseAsItIs(LEADER, code, EstablishmentProcess.DEFINE_COMMUNITY_MIX, EstablishmentSteps.communityMix());

		// then the gate can be signed and, its work plan approved, the community enters
		// year one
		this.client.complete(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE, EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(code);
		JsonNode community = assertProgress(code, "YEAR_ONE", DRAFT_CALL_STEP);
		assertThat(community.path("stageHistory").findValuesAsText("stage")).containsExactly("ESTABLISHMENT",
				"YEAR_ONE");
	}

	@Test
	void communityStartedWithoutABusinessKeyTakesItsCodeAsTheKey() {
		String code = "journey-without-key";

		// when the start form is submitted without a business key (as Tasklist's start
		// dialog may do)
		Answer started = this.client.startCommunity(MANAGER, null, EstablishmentSteps.startForm(code));

		// then the code is the business key of the lifecycle and of its stages
		assertThat(started.status().value()).as("%s", started).isEqualTo(200);
		assertThat(started.body().path("businessKey").asText()).isEqualTo(code);
		this.client.task(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS);
		assertProgress(code, "ESTABLISHMENT", RECRUIT_PARTNERS_STEP);
	}

	private void submitOk(String user, JsonNode task, Map<String, Object> form) {
		Answer answer = this.client.submitTask(user, task.path("id").asText(), form);
		assertThat(answer.status().value())
			.as("%s submitted by %s: %s", task.path("taskDefinitionKey").asText(), user, answer)
			.isEqualTo(204);
	}

	/** Opens the step, checks it shows what was stored, and submits it unchanged. */
	private void reviseAsItIs(String user, String code, String taskKey, Map<String, Object> stored) {
		JsonNode task = this.client.task(user, code, taskKey);
		JsonNode prefilled = this.client.formVariables(user, task.path("id").asText());
		assertPrefilled(prefilled, stored);
		submitOk(user, task, tasklistSubmission(prefilled, stored));
	}

	private JsonNode assertProgress(String code, String stage, String currentStep) {
		JsonNode community = this.client.community(MANAGER, code);
		assertThat(community.path("code").asText()).isEqualTo(code);
		assertThat(community.path("stage").asText()).isEqualTo(stage);
		assertThat(community.path("currentStep").asText()).isEqualTo(currentStep);
		return community;
	}

	private static void assertPrefilled(JsonNode formVariables, Map<String, Object> stored) {
		stored.forEach((key, value) -> {
			JsonNode prefilled = value(formVariables, key);
			if (value instanceof JsonList list) {
				List<String> items = new ArrayList<>();
				prefilled.forEach((item) -> items.add(item.asText()));
				assertThat(items).as("prefilled %s", key).isEqualTo(list.items());
			}
			else if (value instanceof Number number) {
				assertThat(prefilled.decimalValue()).as("prefilled %s", key).isEqualByComparingTo(number.toString());
			}
			else {
				assertThat(prefilled.asText()).as("prefilled %s", key).isEqualTo(String.valueOf(value));
			}
		});
	}

	/**
	 * The prefilled values of a form's fields as Tasklist submits them: untyped JSON,
	 * lists as JSON variables.
	 */
	private static Map<String, Object> tasklistSubmission(JsonNode formVariables, Map<String, Object> fields) {
		Map<String, Object> form = new LinkedHashMap<>();
		for (String key : fields.keySet()) {
			JsonNode value = value(formVariables, key);
			if (value.isArray()) {
				List<String> items = new ArrayList<>();
				value.forEach((item) -> items.add(item.asText()));
				form.put(key, new JsonList(items));
			}
			else if (value.isIntegralNumber()) {
				form.put(key, value.intValue());
			}
			else if (value.isNumber()) {
				form.put(key, value.doubleValue());
			}
			else {
				form.put(key, value.isNull() ? null : value.asText());
			}
		}
		return form;
	}

	/**
	 * A form variable's value; a Json variable (a checklist) comes as JSON text and is
	 * read as JSON.
	 */
	private static JsonNode value(JsonNode formVariables, String key) {
		JsonNode variable = formVariables.path(key);
		JsonNode value = variable.path("value");
		if ("Json".equals(variable.path("type").asText()) && value.isTextual()) {
			try {
				return JSON.readTree(value.asText());
			}
			catch (JsonProcessingException ex) {
				throw new AssertionError("Json variable " + key + " is not JSON: " + value, ex);
			}
		}
		return value;
	}

}
