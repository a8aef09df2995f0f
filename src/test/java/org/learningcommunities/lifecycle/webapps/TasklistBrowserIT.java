package org.learningcommunities.lifecycle.webapps;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.identity.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * Tasklist and the progress board in a real headless Chromium on the running application:
 * the project manager finds a late stage gate on the board (overdue filter, community
 * page), follows its link to Tasklist and signs it in its Camunda Form; the leader works
 * in the Hebrew interface, right to left, and sees only their own communities on the
 * board. Communities are brought to the step under test over the REST API
 * ({@link EstablishmentSteps}); what the browser does is then checked in the engine.
 * Screenshots go to {@code target/browser-screenshots/} (see {@link Browser}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:tasklist-browser-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class TasklistBrowserIT {

	private static final String GATES_FILTER = "Stage gates to sign / שערי שלב לחתימה";

	private static final ObjectMapper JSON = new ObjectMapper();

	// the engine REST API's date format
	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneOffset.UTC);

	private static final String LEADERS_OWN_FILTER = "My tasks / המשימות שלי";

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private TaskService tasks;

	@Autowired
	private IdentityService identity;

	private LifecycleRestClient client;

	private EstablishmentSteps steps;

	@BeforeAll
	static void chromiumIsInstalled() {
		// before the application starts: a machine without the browser skips (or, in CI,
		// fails) at once
		Browser.requireChromium();
	}

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new EstablishmentSteps(this.client);
	}

	@Test
	void theProjectManagerSignsTheStageGateInTasklist() {
		// given a community waiting for its establishment gate, and a manager whose
		// browser
		// speaks English
		String code = "browser-gate-2026";
		this.steps.upToStageGate(code);
		// whose gate is late (its due date put in the past, as a manager can in the
		// engine), beside a community with nothing late
		String gateId = this.client.task(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE).path("id").asText();
		dueInThePast(gateId);
		String onTime = "browser-on-time-2026";
		this.steps.start(onTime);

		try (Browser browser = Browser.open("en-US")) {
			TasklistPage tasklist = new TasklistPage(browser, baseUrl(), WebappLocales.labels("tasklist", "en"));
			// Tasklist sends the browser to the one login form, and back once signed in
			tasklist.open();
			browser.visible(LoginPage.FORM);
			tasklist.logIn(MANAGER, MANAGER);
			browser.awaitRootAttribute("lang", "en");
			assertThat(browser.rootAttribute("dir")).isEqualTo("ltr");
			browser.screenshot("manager-1-tasklist-in-english");

			// the switch turns the interface to Hebrew and back, and keeps the choice
			browser.click(By.id("lifecycle-language-switch"));
			browser.awaitRootAttribute("dir", "rtl");
			browser.text(WebappLocales.labels("tasklist", "he").get("START_PROCESS"));
			browser.screenshot("manager-2-switched-to-hebrew");
			assertThat(browser.visible(By.id("lifecycle-language-switch")).getText()).isEqualTo("English");
			browser.click(By.id("lifecycle-language-switch"));
			browser.awaitRootAttribute("dir", "ltr");
			browser.text(tasklist.label("START_PROCESS"));

			// the board: every community first, then only the overdue ones
			BoardPage board = new BoardPage(browser, baseUrl());
			board.logIn(MANAGER, MANAGER, "en");
			browser.awaitRootAttribute("dir", "ltr");
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("Progress board");
			browser.visible(BoardPage.row(code));
			browser.visible(BoardPage.row(onTime));
			browser.screenshot("manager-3-board");
			board.filterOverdue();
			browser.visible(BoardPage.row(code));
			assertThat(browser.all(BoardPage.row(onTime))).isEmpty();
			assertThat(browser.all(BoardPage.ROWS))
				.allSatisfy((row) -> assertThat(row.findElements(By.cssSelector(".late-badge"))).isNotEmpty());
			browser.screenshot("manager-4-board-overdue");

			// the community's page lists the late gate with its link to Tasklist
			board.openCommunity(code);
			assertThat(browser.visible(By.tagName("h1")).getText()).contains(code);
			WebElement link = browser.visible(BoardPage.taskLink(gateId));
			// the English half of "חתימה על שער השלב / Sign the stage gate" on an English
			// page
			assertThat(link.getText()).isEqualTo("Sign the stage gate");
			browser.screenshot("manager-5-community-page");

			// when the manager follows the link and signs the gate in its form
			browser.click(BoardPage.taskLink(gateId));
			tasklist.awaitLinkedTask(MANAGER, MANAGER);
			browser.text(code);
			tasklist.claim();
			tasklist.choose("חתימה על השלב · Sign the stage");
			browser.screenshot("manager-6-stage-gate-form");
			tasklist.complete();
			tasklist.awaitCompleted();
			browser.screenshot("manager-7-stage-gate-signed");
		}

		// then establishment is over and the leader drafts year one's work plan
		awaitOpen(code, WorkPlanApprovalProcess.DRAFT_WORK_PLAN);
		assertThat(open(code, CommunityLifecycleProcess.SIGN_STAGE_GATE)).isZero();
	}

	@Test
	void theLeaderWorksInHebrewRightToLeft() {
		// given a community whose leader maps the needs, and a leader whose browser
		// speaks
		// Hebrew
		String code = "browser-hebrew-2026";
		this.steps.start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		// and a community another leader leads, which this leader's board leaves out
		String elsewhere = "browser-elsewhere-2026";
		leaderOf(elsewhere, "leader-elsewhere");
		Map<String, String> hebrew = WebappLocales.labels("tasklist", "he");

		try (Browser browser = Browser.open("he-IL")) {
			TasklistPage tasklist = new TasklistPage(browser, baseUrl(), hebrew);

			// the one login page, where Tasklist sends the browser, is Hebrew, right to
			// left
			tasklist.open();
			browser.visible(LoginPage.FORM);
			browser.awaitRootAttribute("dir", "rtl");
			assertThat(browser.rootAttribute("lang")).isEqualTo("he");
			browser.visible(Browser.button("כניסה"));
			browser.screenshot("leader-1-login-in-hebrew");

			// so is Tasklist, with the switch to English
			tasklist.logIn(LEADER, LEADER);
			browser.text(hebrew.get("CREATE_TASK"));
			assertThat(browser.visible(By.id("lifecycle-language-switch")).getText()).isEqualTo("English");
			assertThat(browser.direction(browser.visible(By.cssSelector(".task-filters")))).isEqualTo("rtl");

			// the task's Camunda Form reads right to left, its validation in Hebrew
			tasklist.chooseFilter(LEADERS_OWN_FILTER);
			// Tasklist shows the model's name whole, Hebrew first
			tasklist.chooseTask("מיפוי הצרכים בשטח / Map the needs in the field");
			WebElement label = browser.text("מקורות הנתונים · Data sources");
			assertThat(browser.direction(label)).isEqualTo("rtl");
			assertThat(browser.direction(browser.visible(Browser.field("מקורות הנתונים · Data sources"))))
				.isEqualTo("rtl");
			browser.screenshot("leader-2-form-in-hebrew");
			tasklist.complete();
			browser.text("שדה חובה.");
			browser.screenshot("leader-3-validation-in-hebrew");

			// when the leader fills it in and completes it
			tasklist.fill("מקורות הנתונים · Data sources", "סקר של 40 רשויות");
			tasklist.fill("הצרכים שעלו · The needs found", "רכזי פיתוח כלכלי עובדים לבד");
			tasklist.complete();
			tasklist.awaitCompleted();
			browser.screenshot("leader-4-completed-in-hebrew");

			// the board is Hebrew, right to left, with the leader's communities only
			BoardPage board = new BoardPage(browser, baseUrl());
			board.logIn(LEADER, LEADER, "he");
			browser.awaitRootAttribute("dir", "rtl");
			assertThat(browser.rootAttribute("lang")).isEqualTo("he");
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("לוח התקדמות");
			browser.text("רק באיחור");
			assertThat(browser.direction(browser.visible(By.cssSelector("table.board")))).isEqualTo("rtl");
			browser.visible(BoardPage.row(code));
			assertThat(browser.all(BoardPage.row(elsewhere))).isEmpty();
			assertThat(browser.all(BoardPage.ROWS))
				.allSatisfy((row) -> assertThat(row.getText()).contains("מובילה: Lea Community leader"));
			browser.screenshot("leader-5-board-in-hebrew");
		}

		// then the needs are stored and the goals are next
		awaitOpen(code, EstablishmentProcess.DRAFT_GOALS);
		assertThat(open(code, EstablishmentProcess.MAP_NEEDS)).isZero();
	}

	/**
	 * {@code PUT /engine-rest/task/{id}} as an administrator (the engine's task update is
	 * theirs alone, docs/adr/0021), with the task's own fields and a due date two days
	 * ago (the board counts a task overdue once its due date has passed).
	 */
	private void dueInThePast(String taskId) {
		TestRestTemplate admin = this.rest.withBasicAuth("admin", "admin");
		JsonNode task = admin.getForObject("/engine-rest/task/" + taskId, JsonNode.class);
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState",
				"followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
			body.put(field, task.hasNonNull(field) ? JSON.convertValue(task.get(field), Object.class) : null);
		}
		Instant due = Instant.now().minus(Duration.ofDays(2));
		body.put("due", DUE.format(due));
		ResponseEntity<String> answer = admin.exchange("/engine-rest/task/" + taskId, HttpMethod.PUT,
				new HttpEntity<>(body), String.class);
		assertThat(answer.getStatusCode().value()).as("due date of %s: %s", taskId, answer).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate()).isBefore(new Date());
	}

	/**
	 * A community started by the manager over the REST API, led by {@code leader} (a
	 * community leader made for it).
	 */
	private void leaderOf(String code, String leader) {
		if (this.identity.createUserQuery().userId(leader).count() == 0) {
			User user = this.identity.newUser(leader);
			user.setFirstName(leader);
			user.setLastName("Test");
			user.setEmail(leader + "@example.org");
			user.setPassword(leader);
			this.identity.saveUser(user);
			this.identity.createMembership(leader, Groups.COMMUNITY_LEADERS);
		}
		Map<String, Object> form = EstablishmentSteps.startForm(code);
		form.put("leader", leader);
		Answer answer = this.client.startCommunity(MANAGER, code, form);
		assertThat(answer.status().value()).as("start of %s: %s", code, answer).isEqualTo(200);
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private long open(String code, String taskKey) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).count();
	}

	private void awaitOpen(String code, String taskKey) {
		new FluentWait<>(this.tasks).withTimeout(Duration.ofSeconds(30))
			.withMessage(() -> code + " has no open " + taskKey)
			.until((engine) -> open(code, taskKey) == 1);
	}

}
