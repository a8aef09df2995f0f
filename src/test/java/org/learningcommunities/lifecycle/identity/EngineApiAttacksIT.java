package org.learningcommunities.lifecycle.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.LifecycleRestClient.with;

/**
 * The engine's REST API is no back door (docs/adr/0021-engine-api-allowed-per-role.md):
 * each test is an attack that once worked, tried by a community's leader or partner or a
 * signed-in user of no group, and refused now with 403, changing nothing. Administrators
 * keep the whole API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
				"spring.datasource.url=jdbc:h2:mem:engine-api-attacks-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class EngineApiAttacksIT {

	private static final String ADMIN = "admin";

	private static final String MANAGER = EstablishmentSteps.MANAGER;

	private static final String LEADER = EstablishmentSteps.LEADER;

	private static final String FOUNDATION = EstablishmentSteps.FOUNDATION;

	private static final String MINISTRY = EstablishmentSteps.MINISTRY;

	/** Leads another community: a member of community-leaders, but no person of ours. */
	private static final String OTHER_LEADER = "leader-attacks-other";

	/** Signed in, in no group. */
	private static final String OUTSIDER = "outsider-attacks";

	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private IdentityService identity;

	@Autowired
	private JdbcClient jdbc;

	private LifecycleRestClient client;

	private EstablishmentSteps steps;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new EstablishmentSteps(this.client);
		user(OTHER_LEADER, Groups.COMMUNITY_LEADERS);
		user(OUTSIDER, null);
	}

	@Test
	void nobodyButAnAdministratorWritesVariablesOutsideAFormSubmission() {
		// given: the leader's own open task
		String code = "attacks-variables-2026";
		this.steps.start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		JsonNode mapNeeds = this.client.task(LEADER, code, EstablishmentProcess.MAP_NEEDS);
		String task = mapNeeds.path("id").asText();
		String instance = mapNeeds.path("processInstanceId").asText();
		String lifecycle = lifecycleInstance(code);

		// when: the leader, a partner and a project manager write variables directly
		Map<String, Object> otherLeader = Map.of("value", OTHER_LEADER, "type", "String");
		List<Answer> attempts = List.of(
				this.client.put(LEADER, "/engine-rest/task/" + task + "/variables/leader", otherLeader),
				this.client.put(LEADER, "/engine-rest/task/" + task + "/localVariables/leader", otherLeader),
				this.client.post(LEADER, "/engine-rest/task/" + task + "/variables",
						Map.of("modifications", Map.of("partnerReps", otherLeader))),
				this.client.put(LEADER, "/engine-rest/process-instance/" + instance + "/variables/leader", otherLeader),
				this.client.delete(LEADER, "/engine-rest/task/" + task + "/variables/communityCode"),
				this.client.put(MANAGER, "/engine-rest/process-instance/" + lifecycle + "/variables/partnerReps",
						otherLeader),
				this.client.post(MANAGER, "/engine-rest/process-instance/" + lifecycle + "/variables",
						Map.of("modifications", Map.of("leader", otherLeader))),
				this.client.put(FOUNDATION, "/engine-rest/process-instance/" + lifecycle + "/variables/leader",
						otherLeader),
				this.client.put(LEADER, "/engine-rest/execution/" + instance + "/localVariables/leader", otherLeader));

		// then: each is refused with a short message and nothing is written
		attempts.forEach(EngineApiAttacksIT::assertRefused);
		assertThat(variable(lifecycle, "partnerReps")).doesNotContain(OTHER_LEADER);
		assertThat(this.client.get(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/leader")
			.body()
			.path("value")
			.asText()).isNotEqualTo(OTHER_LEADER);
		// and a form submission writes only its own fields
		Answer extraField = this.client.submitTask(LEADER, task,
				with(EstablishmentSteps.needs(), "leader", OTHER_LEADER));
		assertThat(extraField.status().value()).as("%s", extraField).isEqualTo(400);
		// and an administrator keeps the whole API
		assertThat(this.client
			.put(ADMIN, "/engine-rest/task/" + task + "/localVariables/adminNote",
					Map.of("value", "checked", "type", "String"))
			.status()
			.value()).isEqualTo(204);
	}

	@Test
	void theStartFormRefusesACallerChosenInitiator() {
		Map<String, Object> form = with(EstablishmentSteps.startForm("attacks-initiator-2026"), "initiator", ADMIN);
		Answer started = this.client.startCommunity(MANAGER, "attacks-initiator-2026", form);
		assertThat(started.status().value()).as("%s", started).isEqualTo(400);
		assertThat(started.message()).contains("initiator");
		assertThat(this.client.get(ADMIN, "/engine-rest/process-instance?businessKey=attacks-initiator-2026").body())
			.isEmpty();
	}

	@Test
	void aRefusedJobExecutionCostsTheJobNothingAndOnlyAdministratorsRunOrRetryJobs() {
		// given: a candidate's screening with its reminder timer
		String code = "attacks-jobs-2026";
		String admission = admission(code);
		JsonNode reminder = this.client.get(ADMIN, "/engine-rest/job?processInstanceId=" + admission).body().get(0);
		String job = reminder.path("id").asText();
		int retries = reminder.path("retries").asInt();

		// when: an outsider runs it four times, the leader and a project manager try to
		// list it, run it and take its retries away
		for (int i = 0; i < 4; i++) {
			assertRefused(this.client.post(OUTSIDER, "/engine-rest/job/" + job + "/execute", null));
		}
		assertRefused(this.client.post(LEADER, "/engine-rest/job/" + job + "/execute", null));
		assertRefused(this.client.get(LEADER, "/engine-rest/job?processInstanceId=" + admission));
		assertRefused(this.client.put(LEADER, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)));
		assertRefused(this.client.put(MANAGER, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)));
		assertRefused(this.client.post(MANAGER, "/engine-rest/job/" + job + "/execute", null));
		assertRefused(this.client.put(MANAGER, "/engine-rest/job/" + job + "/duedate",
				Map.of("duedate", OffsetDateTime.now(ZoneOffset.UTC).plusYears(5).format(REST_DATE))));
		assertRefused(this.client.put(LEADER, "/engine-rest/job/" + job + "/suspended", Map.of("suspended", true)));

		// then: the job is as it was, with no incident
		JsonNode after = this.client.get(ADMIN, "/engine-rest/job/" + job).body();
		assertThat(after.path("retries").asInt()).isEqualTo(retries);
		assertThat(after.path("suspended").asBoolean()).isFalse();
		assertThat(this.client.get(ADMIN, "/engine-rest/incident?processInstanceId=" + admission).body()).isEmpty();
		// and an administrator runs it
		assertThat(this.client.post(ADMIN, "/engine-rest/job/" + job + "/execute", null).status().value())
			.isEqualTo(204);
	}

	@Test
	void aTaskIsHandedOnlyToPeopleOfItsCommunityWhoMayDoIt() {
		// given: the partners' confirmations of one community, the leader's task of
		// another
		String confirming = "attacks-handover-2026";
		this.steps.upToGoalConfirmation(confirming);
		String confirmation = this.client.taskAssignedTo(FOUNDATION, confirming, EstablishmentProcess.CONFIRM_GOALS)
			.path("id")
			.asText();
		String code = "attacks-handover-b-2026";
		this.steps.start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		String leadersTask = leadersTask(code);

		// when: the leader hands their task to an outsider and to another community's
		// leader, in every way the API has
		for (String target : List.of(OUTSIDER, OTHER_LEADER)) {
			assertRefused(this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/assignee",
					Map.of("userId", target)));
			assertRefused(this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/delegate",
					Map.of("userId", target)));
			assertRefused(
					this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/claim", Map.of("userId", target)));
			assertRefused(this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/identity-links",
					Map.of("userId", target, "type", "candidate")));
			assertRefused(this.client.post(MANAGER, "/engine-rest/task/" + leadersTask + "/assignee",
					Map.of("userId", target)));
		}
		// and the foundation hands its confirmation to the ministry
		assertRefused(this.client.post(FOUNDATION, "/engine-rest/task/" + confirmation + "/assignee",
				Map.of("userId", MINISTRY)));
		assertRefused(this.client.post(FOUNDATION, "/engine-rest/task/" + confirmation + "/identity-links",
				Map.of("groupId", Groups.PARTNERS, "type", "candidate")));

		// and another community's leader, whom the gate lets submit forms, is refused
		// by the engine in the gate's words
		assertRefused(this.client.submitTask(OTHER_LEADER, leadersTask, EstablishmentSteps.needs()));

		// then: the outsider reads neither the task nor its instance's history
		for (String outsider : List.of(OUTSIDER, OTHER_LEADER)) {
			assertThat(this.client.get(outsider, "/engine-rest/task/" + leadersTask).status().value()).isIn(403, 404);
			Answer history = this.client.get(outsider, "/engine-rest/history/detail?taskId=" + leadersTask);
			assertThat(history.status().value() == 403 || history.body().isEmpty()).as("%s", history).isTrue();
		}
		assertThat(this.client.get(MINISTRY, "/engine-rest/task/" + confirmation).status().value()).isIn(403, 404);
		assertThat(this.client.get(ADMIN, "/engine-rest/task/" + confirmation).body().path("assignee").asText())
			.isEqualTo(FOUNDATION);
		// and a task still goes to who may do it: the leader takes their own, a project
		// manager gives it back to the community's leader
		assertThat(this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/claim", Map.of("userId", LEADER))
			.status()
			.value()).isEqualTo(204);
		assertThat(this.client.post(LEADER, "/engine-rest/task/" + leadersTask + "/unclaim", null).status().value())
			.isEqualTo(204);
		assertThat(this.client.post(MANAGER, "/engine-rest/task/" + leadersTask + "/assignee", Map.of("userId", LEADER))
			.status()
			.value()).isEqualTo(204);
	}

	@Test
	void dueDatesMoveOnlyByAProjectManagerWithAReasonKeptInHistory() {
		// given: the leader's task with the due date its model gave it
		String code = "attacks-due-2026";
		this.steps.start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		JsonNode task = this.client.task(LEADER, code, EstablishmentProcess.MAP_NEEDS);
		String id = task.path("id").asText();
		String due = task.path("due").asText();
		String later = OffsetDateTime.now(ZoneOffset.UTC).plusYears(1).format(REST_DATE);

		// when: the leader (its assignee) and a project manager rewrite the task over the
		// engine's API, and the leader asks the application
		assertRefused(this.client.put(LEADER, "/engine-rest/task/" + id,
				Map.of("name", "Nothing to see", "due", later, "priority", 1)));
		assertRefused(this.client.put(MANAGER, "/engine-rest/task/" + id, Map.of("name", "Map needs", "due", later)));
		Answer leaderMoves = this.client.put(LEADER, "/api/tasks/" + id + "/due-date",
				Map.of("due", "2030-01-01", "reason", "I am late"));
		assertThat(leaderMoves.status().value()).as("%s", leaderMoves).isEqualTo(403);

		// then: the task is as the model made it
		JsonNode unchanged = this.client.get(ADMIN, "/engine-rest/task/" + id).body();
		assertThat(unchanged.path("due").asText()).isEqualTo(due);
		assertThat(unchanged.path("name").asText()).isEqualTo(task.path("name").asText());
		assertThat(unchanged.path("priority").asInt()).isEqualTo(task.path("priority").asInt());

		// and a project manager moves it with a reason, which history keeps
		Answer noReason = this.client.put(MANAGER, "/api/tasks/" + id + "/due-date", Map.of("due", "2030-01-01"));
		assertThat(noReason.status().value()).as("%s", noReason).isEqualTo(400);
		Answer moved = this.client.put(MANAGER, "/api/tasks/" + id + "/due-date",
				Map.of("due", "2030-01-01", "reason", "The municipality's elections"));
		assertThat(moved.status().value()).as("%s", moved).isEqualTo(204);
		assertThat(this.client.get(ADMIN, "/engine-rest/task/" + id).body().path("due").asText())
			.startsWith("2030-01-01");
		JsonNode comments = this.client.get(ADMIN, "/engine-rest/task/" + id + "/comment").body();
		assertThat(comments.toString()).contains("The municipality's elections");
		JsonNode operations = this.client
			.get(ADMIN, "/engine-rest/history/user-operation?taskId=" + id + "&property=dueDate")
			.body();
		assertThat(operations).isNotEmpty();
		assertThat(operations.get(0).path("userId").asText()).isEqualTo(MANAGER);
	}

	@Test
	void statisticsMetricsHistoryCleanupAndAccountsAreForAdministrators() {
		for (String user : List.of(LEADER, FOUNDATION, OUTSIDER)) {
			assertRefused(this.client.get(user, "/engine-rest/process-definition/statistics"));
			assertRefused(this.client.get(user, "/engine-rest/metrics/activity-instance/sum"));
			assertRefused(this.client.get(user, "/engine-rest/metrics"));
		}
		assertRefused(this.client.get(MANAGER, "/engine-rest/metrics"));
		// a project manager follows the venture in Cockpit
		assertThat(this.client.get(MANAGER, "/engine-rest/process-definition/statistics").status().value())
			.isEqualTo(200);

		// the engine schedules its cleanup in the night's window; nobody else runs it now
		String scheduled = this.client.get(ADMIN, "/engine-rest/history/cleanup/jobs").body().toString();
		String cleanupJob = this.client.get(ADMIN, "/engine-rest/history/cleanup/jobs")
			.body()
			.get(0)
			.path("id")
			.asText();
		for (String user : List.of(LEADER, MANAGER, OUTSIDER)) {
			assertRefused(this.client.post(user, "/engine-rest/history/cleanup?immediatelyDue=true", null));
			// a job of no process: the engine asks nobody's rights to run it
			assertRefused(this.client.post(user, "/engine-rest/job/" + cleanupJob + "/execute", null));
		}
		assertThat(this.client.get(ADMIN, "/engine-rest/history/cleanup/jobs").body().toString()).isEqualTo(scheduled);

		// nobody deletes or rewrites their own account, or joins a group
		assertRefused(this.client.delete(OUTSIDER, "/engine-rest/user/" + OUTSIDER));
		assertRefused(this.client.put(OUTSIDER, "/engine-rest/user/" + OUTSIDER + "/profile",
				Map.of("id", OUTSIDER, "firstName", "Admin", "email", "admin@example.org")));
		assertRefused(
				this.client.put(LEADER, "/engine-rest/group/" + Groups.PROJECT_MANAGERS + "/members/" + LEADER, null));
		assertThat(this.identity.createUserQuery().userId(OUTSIDER).singleResult().getEmail())
			.isEqualTo(OUTSIDER + "@example.org");
		assertThat(this.identity.createGroupQuery().groupMember(LEADER).groupId(Groups.PROJECT_MANAGERS).count())
			.isZero();
		// but everyone changes their own password
		assertThat(this.client
			.put(OUTSIDER, "/engine-rest/user/" + OUTSIDER + "/credentials",
					Map.of("password", OUTSIDER, "authenticatedUserPassword", OUTSIDER))
			.status()
			.value()).isEqualTo(204);
		assertRefused(this.client.put(OUTSIDER, "/engine-rest/user/" + LEADER + "/credentials",
				Map.of("password", "taken-over", "authenticatedUserPassword", OUTSIDER)));
	}

	@Test
	void theWebappsEngineApiFollowsTheSameRules() throws Exception {
		String code = "attacks-webapp-2026";
		this.steps.start(code);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		String task = leadersTask(code);
		WebappSession leader = WebappSession.signIn(this.rest, LEADER);
		// Tasklist's own calls pass
		assertThat(leader.get("/camunda/api/engine/engine/default/task/" + task).getStatusCode().value())
			.isEqualTo(200);
		// a variable written outside a form does not
		var refused = leader.put("/camunda/api/engine/engine/default/task/" + task + "/variables/leader",
				Map.of("value", OTHER_LEADER, "type", "String"));
		assertThat(refused.getStatusCode().value()).as("%s", refused).isEqualTo(403);
		// the message is for people; "type" keeps the REST API's documented error types
		// for
		// Tasklist's own code
		assertThat(refused.getBody()).doesNotContain("ENGINE-");
		assertThat(
				new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.getBody()).path("message").asText())
			.isNotBlank()
			.doesNotContain("Exception", "Camunda");
		assertThat(
				leader.get("/camunda/api/engine/engine/default/process-definition/statistics").getStatusCode().value())
			.isEqualTo(403);
	}

	private static void assertRefused(Answer answer) {
		assertThat(answer.status().value()).as("%s", answer).isEqualTo(403);
		assertThat(answer.message()).as("%s", answer).isNotBlank().doesNotContain("ENGINE-", "Exception", "Camunda");
	}

	private String leadersTask(String code) {
		return this.client.task(LEADER, code, EstablishmentProcess.MAP_NEEDS).path("id").asText();
	}

	private String lifecycleInstance(String code) {
		return this.client
			.get(ADMIN, "/engine-rest/process-instance?processDefinitionKey=community-lifecycle&businessKey=" + code)
			.body()
			.get(0)
			.path("id")
			.asText();
	}

	private String variable(String instance, String name) {
		return this.client.get(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/" + name)
			.body()
			.toString();
	}

	/**
	 * A community with an open call and one application: the candidate's admission,
	 * waiting at the screening with its reminder timer.
	 */
	private String admission(String code) {
		this.steps.start(code);
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				select id, 1, 'Join us', 'Officers', ?, 'OPEN', leader_id, ? from lc_community where code = ?""")
			.params(Date.valueOf(LocalDate.now().plusDays(30)), Timestamp.from(Instant.now()), code)
			.update();
		Answer applied = this.client.post(null, "/api/communities/" + code + "/applications",
				Map.of("fullName", "Dana Levi", "email", "dana@" + code + ".example.org", "authority", "Lod", "role",
						"Head of economic development", "region", "center"));
		assertThat(applied.status().value()).as("application to %s: %s", code, applied).isEqualTo(201);
		return this.client.task(MANAGER, code, "screen-candidate").path("processInstanceId").asText();
	}

	private void user(String id, String group) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(id);
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		this.identity.saveUser(user);
		if (group != null) {
			this.identity.createMembership(id, group);
		}
	}

	/**
	 * A browser's session of the Camunda webapps: signed in at the application's one
	 * login page, sending the session cookie and Camunda's CSRF token as Tasklist does.
	 */
	private static final class WebappSession {

		private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
			.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

		private final TestRestTemplate rest;

		private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

		private WebappSession(TestRestTemplate rest) {
			this.rest = rest;
		}

		static WebappSession signIn(TestRestTemplate rest, String user) throws Exception {
			// a browser's sign-in at /login (its CSRF token, the session it opens),
			// cookies
			// kept by a jar that honours their paths, redirects not followed
			java.net.CookieManager jar = new java.net.CookieManager();
			java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
				.cookieHandler(jar)
				.followRedirects(java.net.http.HttpClient.Redirect.NEVER)
				.build();
			String base = rest.getRootUri();
			var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
			java.util.regex.Matcher token = CSRF.matcher(page.body());
			assertThat(token.find()).as("the login page's CSRF token").isTrue();
			String form = "username=" + user + "&password=" + user + "&_csrf="
					+ java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
			var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(login.headers().firstValue("Location")).as("login of %s", user)
				.hasValueSatisfying((to) -> assertThat(java.net.URI.create(to).getPath()).isEqualTo("/"));
			// Tasklist's page hands out Camunda's CSRF cookie; its user is the session's
			http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/camunda/app/tasklist/default/"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			WebappSession session = new WebappSession(rest);
			jar.getCookieStore()
				.getCookies()
				.forEach((cookie) -> session.cookies.put(cookie.getName(), cookie.getValue()));
			var me = session.get("/camunda/api/admin/auth/user/default");
			assertThat(me.getStatusCode().value()).as("webapps' user of %s: %s", user, me).isEqualTo(200);
			return session;
		}

		ResponseEntity<String> get(String path) {
			return exchange(HttpMethod.GET, path, null, null);
		}

		ResponseEntity<String> put(String path, Object body) {
			return exchange(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON);
		}

		private ResponseEntity<String> exchange(HttpMethod method, String path, Object body, MediaType type) {
			HttpHeaders headers = new HttpHeaders();
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			if (type != null) {
				headers.setContentType(type);
			}
			if (!this.cookies.isEmpty()) {
				headers.add(HttpHeaders.COOKIE,
						this.cookies.entrySet()
							.stream()
							.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
							.collect(java.util.stream.Collectors.joining("; ")));
			}
			if (this.cookies.containsKey("XSRF-TOKEN")) {
				headers.add("X-XSRF-TOKEN", this.cookies.get("XSRF-TOKEN"));
			}
			ResponseEntity<String> answer = this.rest.exchange(path, method, new HttpEntity<>(body, headers),
					String.class);
			for (String cookie : answer.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
				String pair = cookie.split(";", 2)[0];
				int equals = pair.indexOf('=');
				this.cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
			return answer;
		}

	}

}
