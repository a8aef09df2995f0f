package org.learningcommunities.lifecycle.system;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonText;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.learningcommunities.lifecycle.LifecycleRestClient.with;
import static org.learningcommunities.lifecycle.LifecycleRestClient.without;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.FOUNDATION;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MINISTRY;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.startForm;

/**
 * Bad input over the engine REST API, which bypasses form-js: every refusal is a 400
 * whose message names the field, stores nothing, starts nothing and leaves the task open.
 * Also who may call at all: no credentials, no permission.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FormValidationIT {

	private static final String WRONG_PASSWORD_USER = "wrong-password-probe";

	private static final String LONG_TEXT = "א".repeat(4001);

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HistoryService history;

	@Autowired
	private IdentityService identity;

	private LifecycleRestClient client;

	private EstablishmentSteps steps;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new EstablishmentSteps(this.client);
	}

	// the start form
	// -----------------------------------------------------------------------------------------------

	static Stream<Arguments> invalidStartForms() {
		return Stream.of(arguments("bad-empty-name", "name", with(startForm("bad-empty-name"), "name", "")),
				arguments("bad-blank-name", "name", with(startForm("bad-blank-name"), "name", "   ")),
				arguments("bad-missing-name", "name", without(startForm("bad-missing-name"), "name")),
				arguments("bad-long-name", "name", with(startForm("bad-long-name"), "name", LONG_TEXT)),
				arguments("bad-size-29", "targetSize", with(startForm("bad-size-29"), "targetSize", 29)),
				arguments("bad-size-41", "targetSize", with(startForm("bad-size-41"), "targetSize", 41)),
				arguments("bad-size-fraction", "targetSize", with(startForm("bad-size-fraction"), "targetSize", 35.5)),
				arguments("bad-size-text", "targetSize", with(startForm("bad-size-text"), "targetSize", "thirty-five")),
				arguments("Bad Code!", "code", startForm("Bad Code!")),
				arguments("Bad-Upper-Case", "code", startForm("Bad-Upper-Case")),
				arguments("bad--double-hyphen", "code", startForm("bad--double-hyphen")),
				arguments("bad-unknown-leader", "leader", with(startForm("bad-unknown-leader"), "leader", "nobody")),
				arguments("bad-partner-as-leader", "leader",
						with(startForm("bad-partner-as-leader"), "leader", FOUNDATION)),
				arguments("bad-unknown-partner", "ministryRep",
						with(startForm("bad-unknown-partner"), "ministryRep", "nobody")),
				arguments("bad-same-partner-twice", "ministryRep",
						with(startForm("bad-same-partner-twice"), "ministryRep", FOUNDATION)),
				arguments("bad-date-text", "plannedStart",
						with(startForm("bad-date-text"), "plannedStart", "next spring")),
				arguments("bad-date-impossible", "plannedStart",
						with(startForm("bad-date-impossible"), "plannedStart", "2026-02-30")),
				arguments("bad-date-as-number", "plannedStart",
						with(startForm("bad-date-as-number"), "plannedStart", 20260901)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidStartForms")
	void invalidStartFormIsRefusedNamingTheFieldAndStoresNothing(String code, String field, Map<String, Object> form) {
		// when the project manager submits the start form with one invalid field
		Answer answer = this.client.startCommunity(MANAGER, code, form);

		// then it is refused, naming the field, and no community exists
		assertRefused(answer, field);
		assertNothingStoredFor(code);
	}

	@Test
	void startFormNamesEveryInvalidField() {
		Map<String, Object> form = startForm("bad-many-fields");
		form.put("name", "");
		form.put("targetSize", 29);
		form.put("plannedStart", "soon");

		Answer answer = this.client.startCommunity(MANAGER, "bad-many-fields", form);

		assertRefused(answer, "name");
		assertThat(answer.message()).contains("field 'targetSize'", "field 'plannedStart'");
		assertNothingStoredFor("bad-many-fields");
	}

	@Test
	void codeOfAnExistingCommunityIsRefused() {
		// given a community
		String code = "bad-duplicate-code";
		this.steps.start(code);

		// when another one is started with its code
		Answer answer = this.client.startCommunity(MANAGER, code,
				with(startForm(code), "name", "Another community with the same code"));

		// then it is refused and the first one is left as it was
		assertRefused(answer, "code");
		assertThat(answer.message()).contains("already used");
		assertThat(communityRows(code)).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select name from lc_community where code = ?").param(code).query(String.class).single())
			.isEqualTo("Economic development " + code);
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey(CommunityLifecycleProcess.KEY)
			.count()).isEqualTo(1);
	}

	@Test
	void businessKeyOtherThanTheCodeIsRefused() {
		Answer answer = this.client.startCommunity(MANAGER, "bad-key-one", startForm("bad-key-other"));

		assertRefused(answer, "code");
		assertNothingStoredFor("bad-key-one");
		assertNothingStoredFor("bad-key-other");
	}

	// task forms
	// ---------------------------------------------------------------------------------------------------

	static Stream<Arguments> invalidSharedVisions() {
		Map<String, Object> valid = EstablishmentSteps.sharedVision();
		return Stream.of(arguments("bad-task-missing", "vision", without(valid, "vision")),
				arguments("bad-task-empty", "vision", with(valid, "vision", "")),
				arguments("bad-task-long", "vision", with(valid, "vision", LONG_TEXT)),
				arguments("bad-task-number-as-text", "vision", with(valid, "vision", 42)),
				arguments("bad-task-negative-budget", "agreedBudget", with(valid, "agreedBudget", -1)),
				arguments("bad-task-budget-text", "agreedBudget", with(valid, "agreedBudget", "a lot")),
				arguments("bad-task-budget-too-large", "agreedBudget", with(valid, "agreedBudget", 1e13)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidSharedVisions")
	void invalidTaskFormIsRefusedNamingTheFieldAndTheTaskStaysOpen(String code, String field,
			Map<String, Object> form) {
		// given a community at partner recruitment
		this.steps.start(code);
		JsonNode task = this.client.task(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS);

		// when the project manager submits an invalid form
		Answer answer = this.client.submitTask(MANAGER, task.path("id").asText(), form);

		// then it is refused, nothing is stored and the task is still open
		assertRefused(answer, field);
		assertStillOpen(code, EstablishmentProcess.RECRUIT_PARTNERS, task);
		assertThat(stageDataRows("lc_shared_vision", code)).isZero();
		assertThat(this.client.tasks(MANAGER, code, EstablishmentProcess.MAP_NEEDS)).isEmpty();
	}

	@Test
	void textOfExactlyTheMaximumLengthIsAccepted() {
		String code = "edge-max-length";
		this.steps.start(code);

		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS,
				with(EstablishmentSteps.sharedVision(), "vision", LONG_TEXT.substring(1)));

		assertThat(this.jdbc.sql("""
				select length(vision) from lc_shared_vision
				where community_id = (select id from lc_community where code = ?)""")
			.param(code)
			.query(Integer.class)
			.single()).isEqualTo(4000);
	}

	@Test
	void communityMixWithValuesOutOfItsListsOrRangesIsRefused() {
		// given a community at the community mix
		String code = "bad-community-mix";
		this.steps.upToCommunityMix(code);
		JsonNode task = this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.DEFINE_COMMUNITY_MIX);
		Map<String, Object> valid = EstablishmentSteps.communityMix();

		// when the leader submits values no checkbox offers, or numbers out of range,
		// each is refused
		List<Map.Entry<String, Map<String, Object>>> invalid = List.of(
				Map.entry("regions", with(valid, "regions", JsonList.of("north", "moon"))),
				Map.entry("regions", with(valid, "regions", JsonText.of("north", "moon"))),
				Map.entry("sectors", with(valid, "sectors", JsonList.of())),
				Map.entry("sectors", with(valid, "sectors", JsonText.of())),
				Map.entry("sectors", with(valid, "sectors", "jewish")),
				Map.entry("sectors", with(valid, "sectors", new JsonList(Collections.nCopies(100, "jewish")))),
				Map.entry("minShareEachGenderPct", with(valid, "minShareEachGenderPct", 51)),
				Map.entry("minSeniorityYears", with(valid, "minSeniorityYears", -1)),
				Map.entry("minSeniorityYears", with(valid, "minSeniorityYears", 2.5)));
		for (Map.Entry<String, Map<String, Object>> form : invalid) {
			Answer answer = this.client.submitTask(LEADER, task.path("id").asText(), form.getValue());
			assertThat(answer.status().value()).as("%s: %s", form, answer).isEqualTo(400);
			assertThat(answer.message()).as("%s", form).contains("field '" + form.getKey() + "'");
		}
		assertStillOpen(code, EstablishmentProcess.DEFINE_COMMUNITY_MIX, task);
		assertThat(stageDataRows("lc_community_mix", code)).isZero();

		// when it is valid, with the lists as JSON text rather than JSON variables, it is
		// accepted
		Map<String, Object> asText = with(with(valid, "sectors", JsonText.of("arab", "druze")), "regions",
				JsonText.of("north"));
		Answer answer = this.client.submitTask(LEADER, task.path("id").asText(), asText);
		assertThat(answer.status().value()).as("%s", answer).isEqualTo(204);
		assertThat(this.jdbc.sql("""
				select sectors || ';' || regions from lc_community_mix
				where community_id = (select id from lc_community where code = ?)""")
			.param(code)
			.query(String.class)
			.single()).isEqualTo("arab,druze;north");
		this.client.task(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE);
	}

	@Test
	void goalDecisionOutsideTheChoicesOrChangesWithoutCommentIsRefused() {
		String code = "bad-goal-decision";
		this.steps.upToGoalConfirmation(code);
		JsonNode task = this.client.taskAssignedTo(FOUNDATION, code, EstablishmentProcess.CONFIRM_GOALS);

		Answer unknown = this.client.submitTask(FOUNDATION, task.path("id").asText(), Map.of("goalsDecision", "maybe"));
		assertRefused(unknown, "goalsDecision");

		Answer noComment = this.client.submitTask(FOUNDATION, task.path("id").asText(),
				Map.of("goalsDecision", "request-changes"));
		assertRefused(noComment, "goalsComment");

		assertThat(this.client.tasks(MANAGER, code, EstablishmentProcess.CONFIRM_GOALS)).hasSize(2);
		assertThat(goalConfirmations(code)).isZero();
	}

	// who may call
	// -------------------------------------------------------------------------------------------------

	@Test
	void engineRestAndApiAnswer401WithoutValidCredentials() {
		for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/communities",
				"/api/communities/any-code")) {
			assertThat(this.client.get(null, path).status().value()).as("GET %s without credentials", path)
				.isEqualTo(401);
		}
		Answer start = this.client.post(null, "/engine-rest/process-definition/key/community-lifecycle/submit-form",
				Map.of("variables", LifecycleRestClient.variables(startForm("bad-anonymous"))));
		assertThat(start.status().value()).isEqualTo(401);
		assertNothingStoredFor("bad-anonymous");

		// a user of its own: after a wrong password the engine refuses that user for a
		// few seconds (login throttling)
		if (this.identity.createUserQuery().userId(WRONG_PASSWORD_USER).count() == 0) {
			User user = this.identity.newUser(WRONG_PASSWORD_USER);
			user.setPassword(WRONG_PASSWORD_USER);
			this.identity.saveUser(user);
		}
		assertThat(this.rest.withBasicAuth(WRONG_PASSWORD_USER, "not-the-password")
			.getForEntity("/api/communities", String.class)
			.getStatusCode()
			.value()).as("wrong password").isEqualTo(401);
		assertThat(this.client.get("nobody", "/engine-rest/task").status().value()).as("unknown user").isEqualTo(401);
	}

	@Test
	void communityLeaderCannotStartACommunity() {
		Answer answer = this.client.startCommunity(LEADER, "bad-started-by-leader", startForm("bad-started-by-leader"));

		assertThat(answer.status().value()).as("%s", answer).isEqualTo(403);
		assertNothingStoredFor("bad-started-by-leader");
	}

	@Test
	void communityLeaderCannotDoTheProjectManagersStep() {
		String code = "bad-step-by-leader";
		this.steps.start(code);
		JsonNode task = this.client.task(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS);

		Answer answer = this.client.submitTask(LEADER, task.path("id").asText(), EstablishmentSteps.sharedVision());

		assertThat(answer.status().value()).as("%s", answer).isEqualTo(403);
		assertStillOpen(code, EstablishmentProcess.RECRUIT_PARTNERS, task);
		assertThat(stageDataRows("lc_shared_vision", code)).isZero();
	}

	@Test
	void partnerDecidesOnlyOnTheirOwnConfirmationOfTheGoals() {
		String code = "bad-partner-for-partner";
		this.steps.upToGoalConfirmation(code);
		JsonNode ministryTask = this.client.taskAssignedTo(MINISTRY, code, EstablishmentProcess.CONFIRM_GOALS);

		// the foundation does not even see the ministry's confirmation (a partner's task
		// belongs to its assignee), and neither it nor the project manager can decide it
		assertThat(this.client.tasks(FOUNDATION, code, EstablishmentProcess.CONFIRM_GOALS))
			.extracting((task) -> task.path("assignee").asText())
			.containsExactly(FOUNDATION);
		for (String other : List.of(FOUNDATION, MANAGER)) {
			Answer answer = this.client.submitTask(other, ministryTask.path("id").asText(),
					EstablishmentSteps.confirmGoals());
			assertThat(answer.status().value()).as("%s decides for the ministry: %s", other, answer).isEqualTo(403);
		}

		assertThat(this.client.tasks(MANAGER, code, EstablishmentProcess.CONFIRM_GOALS)).hasSize(2);
		assertThat(goalConfirmations(code)).isZero();
		this.steps.confirmGoalsAs(MINISTRY, code, EstablishmentSteps.confirmGoals());
		assertThat(goalConfirmations(code)).isOne();
	}

	// --------------------------------------------------------------------------------------------------------------

	private static void assertRefused(Answer answer, String field) {
		assertThat(answer.status().value()).as("%s", answer).isEqualTo(400);
		assertThat(answer.message()).contains("field '" + field + "'");
	}

	private void assertNothingStoredFor(String code) {
		assertThat(communityRows(code)).as("rows of %s in lc_community", code).isZero();
		assertThat(processInstances(code)).as("process instances of %s", code).isZero();
	}

	private void assertStillOpen(String code, String taskKey, JsonNode task) {
		String id = task.path("id").asText();
		assertThat(this.client.get(MANAGER, "/engine-rest/task/" + id).status().value()).isEqualTo(200);
		assertThat(this.client.task(MANAGER, code, taskKey).path("id").asText()).isEqualTo(id);
		assertThat(this.client.community(MANAGER, code).path("openTasks").asInt()).isEqualTo(1);
	}

	private long communityRows(String code) {
		return this.jdbc.sql("select count(*) from lc_community where code = ?").param(code).query(Long.class).single();
	}

	/** Process instances with that business key, running or ended (history is full). */
	private long processInstances(String code) {
		return this.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count();
	}

	private long goalConfirmations(String code) {
		return this.jdbc.sql("""
				select count(*) from lc_goal_confirmation c join lc_goal_set g on g.id = c.goal_set_id
				join lc_community m on m.id = g.community_id where m.code = ?""")
			.param(code)
			.query(Long.class)
			.single();
	}

	private long stageDataRows(String table, String code) {
		return this.jdbc
			.sql("select count(*) from " + table + " where community_id = (select id from lc_community where code = ?)")
			.param(code)
			.query(Long.class)
			.single();
	}

}
