package org.learningcommunities.lifecycle.webapps;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess;
import org.learningcommunities.lifecycle.workspace.WorkspaceFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace in a real headless Chromium, as a community leader on a phone (390 px)
 * and then on a desktop: one login at {@code /login}, the inbox in Hebrew with the
 * screening task named for the candidate, the task's form refused in Hebrew next to its
 * field with nothing stored, then accepted with a confirmation and the next step, and a
 * link into Tasklist that does not ask for a second login. No page scrolls sideways.
 * Screenshots go to {@code target/browser-screenshots/workspace-*.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:workspace-browser-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class WorkspaceBrowserIT {

	private static final String LEADER = "ws-browser-leader";

	private static final String CODE = "ws-browser-2026";

	private static final String CANDIDATE = "דנה לוי";

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

	@BeforeAll
	static void chromiumIsInstalled() {
		Browser.requireChromium();
	}

	@Test
	void theLeaderScreensACandidateFromTheInboxOnAPhoneAndFollowsALinkIntoTasklist() {
		// given a community of the leader's whose candidate waits for screening
		WorkspaceFixture fixture = new WorkspaceFixture(this.jdbc, this.identity, this.rest);
		fixture.user(LEADER, "נועה", "כהן", Groups.COMMUNITY_LEADERS);
		fixture.communityWithOpenCall(CODE, "פיתוח כלכלי מרכז", LEADER);
		long candidate = fixture.apply(CODE, CANDIDATE);
		Task screening = task(CandidateAdmissionProcess.SCREEN_CANDIDATE);

		try (Browser browser = Browser.open("he-IL")) {
			browser.resize(390, 844);

			// the leader signs in once, at /login
			browser.go(baseUrl() + "/");
			browser.visible(LoginPage.FORM);
			browser.awaitRootAttribute("dir", "rtl");
			assertThat(browser.accessibilityProblems()).as("axe on the login page").isEmpty();
			browser.screenshot("workspace-1-login-phone");
			LoginPage.signIn(browser, LEADER, LEADER);

			// the inbox, in Hebrew, names the task for the candidate
			assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("המשימות שלי");
			assertThat(browser.rootAttribute("lang")).isEqualTo("he");
			WebElement card = browser.visible(By.id("task-" + screening.getId()));
			assertThat(card.findElement(By.cssSelector(".task-title")).getText())
				.isEqualTo("מיון מועמד/ת: " + CANDIDATE);
			assertThat(card.findElement(By.cssSelector(".task-community")).getText()).isEqualTo("פיתוח כלכלי מרכז");
			assertThat(card.findElement(By.cssSelector(".task-holder")).getText()).isEqualTo("נועה כהן");
			assertThat(browser.direction(card)).isEqualTo("rtl");
			assertThat(browser.scrollsSideways()).as("the inbox at 390 px scrolls sideways").isFalse();
			assertThat(browser.accessibilityProblems()).as("axe on the inbox").isEmpty();
			browser.screenshot("workspace-2-inbox-phone");

			// the task page renders the form in Hebrew only
			browser.click(By.cssSelector("#task-" + screening.getId() + " .task-title a"));
			browser.visible(By.cssSelector("#form-container .fjs-form"));
			assertThat(browser.visible(By.id("task-title")).getText()).isEqualTo("מיון מועמד/ת: " + CANDIDATE);
			browser.text("החלטה (חובה)");
			assertThat(browser.all(Browser.withText("Decision"))).isEmpty();
			assertThat(browser.scrollsSideways()).as("the task page at 390 px scrolls sideways").isFalse();
			assertThat(browser.accessibilityProblems()).as("axe on the task page").isEmpty();
			browser.screenshot("workspace-3-task-phone");

			// a wrong value: screened out without the note this needs
			browser.click(Browser.label("המיון נעשה יחד עם השותפים (חובה)"));
			browser.click(Browser.label("לא להמשיך"));
			browser.click(By.id("submit-form"));
			WebElement error = browser.visible(By.id("error-screeningNotes"));
			assertThat(error.getText()).isEqualTo("כשמחליטים לא להמשיך עם המועמד/ת, יש לכתוב הערה.");
			assertThat(browser.visible(By.id("form-errors")).getText()).startsWith("יש לתקן כמה שדות");
			browser.screenshot("workspace-4-refused-phone");
			assertThat(browser.accessibilityProblems()).as("axe on the refused form").isEmpty();
			assertThat(this.tasks.createTaskQuery().taskId(screening.getId()).count()).isOne();
			assertThat(screenings(candidate)).isZero();

			// the right one: invited to an interview
			browser.click(Browser.label("לזמן לראיון"));
			browser.click(By.id("submit-form"));
			assertThat(browser.visible(By.id("task-done-message")).getText()).isEqualTo("בוצע: המשימה הושלמה ונשמרה.");
			WebElement next = browser.visible(By.id("next-task"));
			assertThat(next.getText()).isEqualTo("המשימה הבאה בקהילה הזו: ראיון מועמד/ת: " + CANDIDATE);
			browser.screenshot("workspace-5-done-phone");
			assertThat(screenings(candidate)).isOne();
			Task interview = task(CandidateAdmissionProcess.INTERVIEW_CANDIDATE);

			// on a desktop: the next task, its page, then Tasklist without a second login
			browser.resize(1400, 1000);
			browser.click(By.id("next-task"));
			browser.visible(By.cssSelector("#form-container .fjs-form"));
			assertThat(browser.currentUrl()).endsWith("/tasks/" + interview.getId());
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("workspace-6-next-task-desktop");
			browser.click(By.cssSelector(".back a"));
			browser.visible(By.id("task-" + interview.getId()));
			assertThat(browser.scrollsSideways()).isFalse();
			browser.screenshot("workspace-7-inbox-desktop");

			// a leader meets no link into Camunda's tools; Tasklist, opened by its
			// address,
			// still needs no second login
			browser.click(By.cssSelector("#task-" + interview.getId() + " .task-title a"));
			browser.visible(By.cssSelector("#form-container .fjs-form"));
			assertThat(browser.all(By.id("tasklist-link"))).isEmpty();
			assertThat(browser.all(By.cssSelector("a[href*='/camunda/']"))).isEmpty();
			browser.go(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + interview.getId());
			Map<String, String> hebrew = WebappLocales.labels("tasklist", "he");
			browser.text(hebrew.get("CREATE_TASK"));
			browser.visible(By.cssSelector(".fjs-form"));
			assertThat(browser.currentUrl()).contains("/camunda/app/tasklist/").doesNotContain("/login");
			assertThat(browser.all(LoginPage.FORM)).isEmpty();
			browser.screenshot("workspace-8-tasklist-without-second-login");
		}
	}

	private Task task(String taskKey) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(CODE).taskDefinitionKey(taskKey).singleResult();
	}

	private long screenings(long candidateId) {
		return this.jdbc.sql("select count(*) from lc_screening where candidate_id = ?")
			.param(candidateId)
			.query(Long.class)
			.single();
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
