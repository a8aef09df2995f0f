package org.learningcommunities.lifecycle.workspace;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's pages and their controllers over HTTP, as a browser drives them, on the
 * whole application (the inbox's visibility is SQL, the task page's submission the
 * engine's): the one login, the inbox of a leader with only their communities' tasks
 * named for the candidate, the task page, taking a task one may not take, a form refused
 * in Hebrew with nothing stored, then accepted with the next step, and the single sign-on
 * into the Camunda webapps with its logout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:workspace-pages-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class WorkspacePagesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String LEADER = "ws-leader";

	private static final String OTHER_LEADER = "ws-other-leader";

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private TaskService tasks;

	@Autowired
	private IdentityService identity;

	@Autowired
	private JdbcClient jdbc;

	private WorkspaceFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new WorkspaceFixture(this.jdbc, this.identity, this.rest);
		this.fixture.user(LEADER, "נועה", "כהן", Groups.COMMUNITY_LEADERS);
		this.fixture.user(OTHER_LEADER, "רות", "אלון", Groups.COMMUNITY_LEADERS);
	}

	@Test
	void withoutASessionEveryPageAndTheWebappsGoToTheOneLogin() {
		WorkspaceSession nobody = new WorkspaceSession(this.port);
		for (String page : new String[] { "/", "/tasks/some-task", "/board", "/camunda/app/tasklist/default/",
				"/camunda/app/cockpit/default/" }) {
			HttpResponse<String> answer = nobody.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).as(page)
				.hasValueSatisfying((to) -> assertThat(URI.create(to).getPath()).isEqualTo("/login"));
		}
		// the webapps' own REST calls answer 401, and no one signs in through Camunda's
		// own login
		assertThat(nobody.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
		assertThat(nobody.postBare("/camunda/api/admin/auth/user/default/login/tasklist").statusCode()).isEqualTo(401);
	}

	@Test
	void theLeaderSeesTheirOwnCommunitiesTasksNamedForTheCandidate() {
		// given two communities, each with a candidate waiting for screening
		this.fixture.communityWithOpenCall("ws-mine-2026", "פיתוח כלכלי צפון", LEADER);
		this.fixture.communityWithOpenCall("ws-theirs-2026", "חינוך דרום", OTHER_LEADER);
		this.fixture.apply("ws-mine-2026", "דנה לוי");
		this.fixture.apply("ws-theirs-2026", "יוסי מזרחי");
		String theirs = screening("ws-theirs-2026").getId();

		// when the leader opens the workspace
		WorkspaceSession leader = new WorkspaceSession(this.port).login(LEADER);
		HttpResponse<String> inbox = leader.get("/");

		// then it is Hebrew, and lists the screening of their candidate, by name, with
		// the community and the leader's own name as holder
		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains("dir=\"rtl\"")
			.contains("מיון מועמד/ת: דנה לוי")
			.contains("פיתוח כלכלי צפון")
			.contains("נועה כהן")
			.doesNotContain("Screen candidate")
			.doesNotContain("יוסי מזרחי")
			.doesNotContain("חינוך דרום");
		// the other community's task is not theirs to open or take, as if it did not
		// exist
		assertThat(leader.get("/tasks/" + theirs).statusCode()).isEqualTo(404);
		HttpResponse<String> claim = leader.post("/tasks/" + theirs + "/claim", Map.of());
		assertThat(claim.statusCode()).isEqualTo(302);
		assertThat(leader.get("/").body()).contains("המשימה כבר אינה פתוחה, או שאינה שלך.");
		assertThat(this.tasks.createTaskQuery().taskId(theirs).singleResult().getAssignee()).isEqualTo(OTHER_LEADER);
		// nor to complete
		HttpResponse<String> submit = leader.postJson("/tasks/" + theirs + "/form",
				Map.of("partnersConsulted", true, "screeningDecision", "interview"));
		assertThat(submit.statusCode()).isEqualTo(404);
		assertThat(screening("ws-theirs-2026").getId()).isEqualTo(theirs);
	}

	@Test
	void aTaskOfferedToNobodyElseIsNotReleasedAndAGroupTaskIsTakenAndReleased() {
		// given a screening, which the process gives to the community's leader
		this.fixture.communityWithOpenCall("ws-claim-2026", "ארגון ושינוי", LEADER);
		this.fixture.apply("ws-claim-2026", "מיכל ברק");
		Task screening = screening("ws-claim-2026");
		WorkspaceSession leader = new WorkspaceSession(this.port).login(LEADER);
		WorkspaceSession other = new WorkspaceSession(this.port).login(OTHER_LEADER);

		// the leader releases it: the task waits to be taken, offered to them alone
		leader.get("/");
		assertThat(leader.post("/tasks/" + screening.getId() + "/release", Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.tasks.createTaskQuery().taskId(screening.getId()).singleResult().getAssignee()).isNull();
		assertThat(leader.get("/").body()).contains("המשימה חזרה לרשימת המשימות שאפשר לקחת.");

		// another community's leader may not take it
		other.get("/");
		other.post("/tasks/" + screening.getId() + "/claim", Map.of());
		assertThat(this.tasks.createTaskQuery().taskId(screening.getId()).singleResult().getAssignee()).isNull();

		// the leader takes it back
		leader.post("/tasks/" + screening.getId() + "/claim", Map.of());
		assertThat(this.tasks.createTaskQuery().taskId(screening.getId()).singleResult().getAssignee())
			.isEqualTo(LEADER);
		assertThat(leader.get("/").body()).contains("המשימה עכשיו בטיפולך.");
	}

	@Test
	void aWrongValueIsRefusedInHebrewNextToItsFieldAndTheRightOneCompletesTheTask() throws Exception {
		// given a screening task of the leader's candidate
		this.fixture.communityWithOpenCall("ws-form-2026", "דיגיטל", LEADER);
		long candidate = this.fixture.apply("ws-form-2026", "אורית שחר");
		Task screening = screening("ws-form-2026");
		WorkspaceSession leader = new WorkspaceSession(this.port).login(LEADER);

		// the task page shows the form in Hebrew only, with the candidate's details
		HttpResponse<String> page = leader.get("/tasks/" + screening.getId());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("מיון מועמד/ת: אורית שחר")
			.contains("/vendor/form-js/form-viewer.umd.js")
			.contains("\"label\":\"החלטה (חובה)\"")
			.contains("\"fullName\":\"אורית שחר\"")
			.doesNotContain("Screen out")
			.doesNotContain("\"pattern\"");

		// when screening the candidate out without the note this requires
		HttpResponse<String> wrong = leader.postJson("/tasks/" + screening.getId() + "/form",
				Map.of("partnersConsulted", true, "screeningDecision", "screen-out", "screeningNotes", ""));

		// then the note's field is named, in Hebrew, and nothing is stored
		assertThat(wrong.statusCode()).isEqualTo(400);
		JsonNode refused = JSON.readTree(wrong.body());
		assertThat(refused.path("message").asText()).startsWith("יש לתקן כמה שדות");
		assertThat(refused.path("errors")).hasSize(1);
		assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("screeningNotes");
		assertThat(refused.path("errors").get(0).path("message").asText())
			.isEqualTo("כשמחליטים לא להמשיך עם המועמד/ת, יש לכתוב הערה.");
		assertThat(wrong.body()).doesNotContain("required when").doesNotContain("screening a candidate");
		assertThat(this.tasks.createTaskQuery().taskId(screening.getId()).count()).isOne();
		assertThat(screenings(candidate)).isZero();

		// when the leader invites the candidate to an interview
		HttpResponse<String> right = leader.postJson("/tasks/" + screening.getId() + "/form",
				Map.of("partnersConsulted", true, "screeningDecision", "interview"));

		// then the task is done, and the next step is the same candidate's interview
		assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
		JsonNode done = JSON.readTree(right.body());
		assertThat(done.path("message").asText()).isEqualTo("בוצע: המשימה הושלמה ונשמרה.");
		Task interview = this.tasks.createTaskQuery()
			.processInstanceBusinessKey("ws-form-2026")
			.taskDefinitionKey(CandidateAdmissionProcess.INTERVIEW_CANDIDATE)
			.singleResult();
		assertThat(done.path("next").path("url").asText()).isEqualTo("/tasks/" + interview.getId());
		assertThat(done.path("next").path("title").asText()).isEqualTo("ראיון מועמד/ת: אורית שחר");
		assertThat(screenings(candidate)).isOne();
	}

	@Test
	void theWebappsTakeTheSessionsUserAndTheirLogoutEndsIt() throws Exception {
		WorkspaceSession leader = new WorkspaceSession(this.port).login(LEADER);

		// the webapps know the user of the session: no second login
		assertThat(leader.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		HttpResponse<String> user = leader.get("/camunda/api/admin/auth/user/default");
		assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
		assertThat(JSON.readTree(user.body()).path("userId").asText()).isEqualTo(LEADER);
		assertThat(JSON.readTree(user.body()).path("authorizedApps").toString()).contains("tasklist");

		// signing out of Tasklist signs out of the workspace too
		assertThat(leader.postBare("/camunda/api/admin/auth/user/default/logout").statusCode()).isEqualTo(204);
		assertThat(leader.get("/").statusCode()).isEqualTo(302);
		assertThat(leader.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
	}

	private Task screening(String code) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(CandidateAdmissionProcess.SCREEN_CANDIDATE)
			.singleResult();
	}

	private long screenings(long candidateId) {
		return this.jdbc.sql("select count(*) from lc_screening where candidate_id = ?")
			.param(candidateId)
			.query(Long.class)
			.single();
	}

}
