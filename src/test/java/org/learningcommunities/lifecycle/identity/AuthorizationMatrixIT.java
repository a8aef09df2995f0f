package org.learningcommunities.lifecycle.identity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.LifecycleRestClient.with;

/**
 * Who sees and acts on what, per community
 * (docs/adr/0017-authorization-per-community.md): a matrix of user x community x resource
 * x action, run over HTTP as Tasklist, Cockpit and the contract's clients do. Two
 * communities, each with a leader and partners of its own, each with a leader's task
 * ({@code map-needs}) and a candidate (personal data, a {@code candidate-admission}
 * instance with its {@code screen-candidate} task). Acting is tried with an invalid form
 * or body: a user who may act passes the authorization and is refused by validation
 * (400), the others are refused first (403/404), so no case changes what the next one
 * sees; at the end each leader completes their own task for real. Every case is checked,
 * then the size of the matrix is printed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
				"spring.datasource.url=jdbc:h2:mem:authorization-matrix-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class AuthorizationMatrixIT {

	private static final String A = "authz-north-2026";

	private static final String B = "authz-south-2026";

	private static final String ADMIN = "admin";

	private static final String MANAGER = EstablishmentSteps.MANAGER;

	private static final String LEADER_A = EstablishmentSteps.LEADER;

	private static final String PARTNER_A = EstablishmentSteps.FOUNDATION;

	private static final String MINISTRY_A = EstablishmentSteps.MINISTRY;

	private static final String LEADER_B = "leader-south";

	private static final String PARTNER_B = "foundation-south";

	private static final String MINISTRY_B = "ministry-south";

	/** Signed in, but in no group and no community: a member of a community. */
	private static final String MEMBER = "member-dana";

	/** An id of nothing, for an administrator's harmless attempt. */
	private static final String MISSING = "00000000-0000-0000-0000-000000000000";

	private static final List<String> USERS = List.of(ADMIN, MANAGER, LEADER_A, LEADER_B, PARTNER_A, PARTNER_B, MEMBER);

	private static final Map<String, Set<String>> PEOPLE = Map.of(A, Set.of(LEADER_A, PARTNER_A, MINISTRY_A), B,
			Set.of(LEADER_B, PARTNER_B, MINISTRY_B));

	private static final Map<String, String> LEADERS = Map.of(A, LEADER_A, B, LEADER_B);

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private IdentityService identity;

	@Autowired
	private JdbcClient jdbc;

	private LifecycleRestClient client;

	private final List<String> failures = new ArrayList<>();

	private int cases;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		user(LEADER_B, Groups.COMMUNITY_LEADERS);
		user(PARTNER_B, Groups.PARTNERS);
		user(MINISTRY_B, Groups.PARTNERS);
		user(MEMBER, null);
	}

	@Test
	void eachCommunitysPeopleSeeAndActOnItAloneAndProjectManagersOnAll() {
		// given: two communities with people of their own, each with a leader's task and
		// a
		// candidate
		Map<String, Community> communities = new LinkedHashMap<>();
		communities.put(A, community(A, LEADER_A, PARTNER_A, MINISTRY_A));
		communities.put(B, community(B, LEADER_B, PARTNER_B, MINISTRY_B));

		// when/then: every user tries every resource of every community, and the calls
		// of the engine's API that belong to administrators (docs/adr/0021)
		for (String user : USERS) {
			for (Community community : communities.values()) {
				check(user, community);
				checkEngineApi(user, community);
			}
			checkAdministration(user);
		}
		// and no refused job execution cost a job a retry
		for (Community community : communities.values()) {
			JsonNode job = this.client.get(ADMIN, "/engine-rest/job/" + community.job).body();
			expect(ADMIN, community.code, "reminder job after every refused execution", "retries unchanged", true,
					job.path("retries").asInt() == community.jobRetries
							&& this.client.get(ADMIN, "/engine-rest/incident?processInstanceId=" + community.admission)
								.body()
								.isEmpty());
		}
		// and the leaders' Tasklist filter lists their own communities' tasks only
		for (String leader : List.of(LEADER_A, LEADER_B)) {
			List<String> listed = leadersFilter(leader);
			for (Community community : communities.values()) {
				expect(leader, community.code, "Tasklist filter \"Community leaders' tasks\"", "read",
						leader.equals(LEADERS.get(community.code)), listed.contains(community.mapNeeds));
			}
		}
		// and each leader completes their own community's task
		for (Community community : communities.values()) {
			Answer done = this.client.submitTask(LEADERS.get(community.code), community.mapNeeds,
					EstablishmentSteps.needs());
			expect(LEADERS.get(community.code), community.code, "leader's task (engine)", "complete (valid form)", true,
					done.status().value() == 204);
		}

		System.out.println("authorization matrix: " + this.cases + " cases (" + USERS.size() + " users x "
				+ communities.size() + " communities x resources x actions), " + this.failures.size() + " failed");
		assertThat(this.failures)
			.as("cases where a user saw or did what they should not, or could not what they " + "should")
			.isEmpty();
		assertThat(this.cases).isGreaterThanOrEqualTo(250);
	}

	private void check(String user, Community c) {
		boolean reads = ADMIN.equals(user) || MANAGER.equals(user) || PEOPLE.get(c.code).contains(user);
		boolean leads = ADMIN.equals(user) || MANAGER.equals(user) || user.equals(LEADERS.get(c.code));
		// the leader's tasks: their leader and project managers (partners have their own)
		boolean works = leads;
		String api = "/api/communities/" + c.code;

		// tasks, over the engine REST API as Tasklist uses it
		expect(user, c.code, "tasks of the community (engine)", "read", works, engineList(user,
				"/engine-rest/task?processInstanceBusinessKey=" + c.code, (task) -> c.mapNeeds.equals(id(task))));
		expect(user, c.code, "leader's task (engine)", "read", works,
				ok(this.client.get(user, "/engine-rest/task/" + c.mapNeeds)));
		expect(user, c.code, "leader's task form (engine)", "read", works,
				ok(this.client.get(user, "/engine-rest/task/" + c.mapNeeds + "/form-variables")));
		expect(user, c.code, "leader's task (engine)", "complete", works,
				passesAuthorization(this.client.submitTask(user, c.mapNeeds, Map.of())));
		expect(user, c.code, "screening task, candidate's data (engine)", "read", works,
				ok(this.client.get(user, "/engine-rest/task/" + c.screening + "/form-variables")));
		expect(user, c.code, "screening task (engine)", "complete", works, passesAuthorization(
				this.client.submitTask(user, c.screening, Map.of("screeningDecision", "not-a-decision"))));

		// process instances and their history
		expect(user, c.code, "process instances (engine)", "read", reads,
				engineList(user, "/engine-rest/process-instance?businessKey=" + c.code, (instance) -> true));
		expect(user, c.code, "candidate's process variables (engine)", "read", reads,
				ok(this.client.get(user, "/engine-rest/process-instance/" + c.admission + "/variables")));
		// outside a form submission, only an administrator writes variables (0021)
		expect(user, c.code, "candidate's process variables (engine)", "change", ADMIN.equals(user),
				passesAuthorization(
						this.client.post(user, "/engine-rest/process-instance/" + c.admission + "/variables",
								Map.of("modifications", Map.of()))));
		expect(user, c.code, "history of process instances (engine)", "read", reads, engineList(user,
				"/engine-rest/history/process-instance?processInstanceBusinessKey=" + c.code, (instance) -> true));
		expect(user, c.code, "history of tasks (engine)", "read", reads,
				engineList(user, "/engine-rest/history/task?processInstanceBusinessKey=" + c.code, (task) -> true));
		expect(user, c.code, "history of the candidate's variables (engine)", "read", reads, engineList(user,
				"/engine-rest/history/variable-instance?processInstanceId=" + c.admission, (variable) -> true));

		// the application's API
		Answer listed = this.client.get(user, "/api/communities");
		boolean inList = false;
		for (JsonNode community : listed.body()) {
			inList |= c.code.equals(community.path("code").asText());
		}
		expect(user, c.code, "GET /api/communities", "read", reads, inList);
		for (String resource : List.of("", "/candidates", "/candidates/" + c.candidateId, "/meetings", "/products",
				"/years", "/work-plans")) {
			expect(user, c.code, "GET /api/communities/{code}" + resource, "read", reads,
					readable(this.client.get(user, api + resource)));
		}
		expect(user, c.code, "POST /api/communities/{code}/meetings", "act", leads,
				passesAuthorization(this.client.post(user, api + "/meetings", Map.of())));
		// a candidate that does not exist: who may act is told so, the others are refused
		// first
		Answer withdrawal = this.client.post(user, api + "/candidates/999999/withdrawal", Map.of());
		expect(user, c.code, "POST /api/communities/{code}/candidates/{id}/withdrawal", "act", leads,
				withdrawal.status().value() == 404
						&& !withdrawal.body().path("detail").asText().startsWith("No community"));
	}

	/**
	 * Calls of the engine's API that only administrators make, and the hand-over of a
	 * task (0021). An administrator's attempt is made harmless (a missing id, the value
	 * already there, an invalid body), so that it shows the call passes the gate without
	 * changing what the next case sees; everyone else tries the real thing.
	 */
	private void checkEngineApi(String user, Community c) {
		boolean admin = ADMIN.equals(user);
		boolean leads = admin || MANAGER.equals(user) || user.equals(LEADERS.get(c.code));
		String task = admin ? MISSING : c.mapNeeds;
		String job = admin ? MISSING : c.job;

		expect(user, c.code, "leader's task variable (engine)", "write outside a form", admin,
				notRefused(this.client.put(user, "/engine-rest/task/" + c.mapNeeds + "/variables/leader",
						Map.of("value", MEMBER, "type", "NoSuchType"))));
		expect(user, c.code, "leader's task local variable (engine)", "delete", admin, notRefused(
				this.client.delete(user, "/engine-rest/task/" + c.mapNeeds + "/localVariables/noSuchVariable")));
		expect(user, c.code, "jobs of the community (engine)", "read", admin || MANAGER.equals(user),
				ok(this.client.get(user, "/engine-rest/job?processInstanceId=" + c.admission)));
		expect(user, c.code, "reminder job (engine)", "execute", admin,
				notRefused(this.client.post(user, "/engine-rest/job/" + job + "/execute", null)));
		expect(user, c.code, "reminder job (engine)", "set retries", admin, notRefused(
				this.client.put(user, "/engine-rest/job/" + c.job + "/retries", Map.of("retries", c.jobRetries))));
		expect(user, c.code, "leader's task (engine)", "hand to an outsider", admin, notRefused(
				this.client.post(user, "/engine-rest/task/" + task + "/assignee", Map.of("userId", MEMBER))));
		expect(user, c.code, "leader's task (engine)", "hand to its community's leader", leads, notRefused(this.client
			.post(user, "/engine-rest/task/" + c.mapNeeds + "/assignee", Map.of("userId", LEADERS.get(c.code)))));
		expect(user, c.code, "leader's task (engine)", "delegate", admin, notRefused(this.client.post(user,
				"/engine-rest/task/" + task + "/delegate", Map.of("userId", LEADERS.get(c.code)))));
		expect(user, c.code, "leader's task identity links (engine)", "add", admin, notRefused(this.client.post(user,
				"/engine-rest/task/" + task + "/identity-links", Map.of("userId", MEMBER, "type", "candidate"))));
		expect(user, c.code, "leader's task (engine)", "update due date, name, priority", admin,
				notRefused(this.client.put(user, "/engine-rest/task/" + task,
						Map.of("name", "Nothing to see", "due", "2099-01-01T00:00:00.000+0000", "priority", 1))));
		// without a reason: who may move it is told the reason is missing (400)
		expect(user, c.code, "PUT /api/tasks/{id}/due-date", "move with a reason", admin || MANAGER.equals(user),
				passesAuthorization(
						this.client.put(user, "/api/tasks/" + c.mapNeeds + "/due-date", Map.of("due", "2030-01-01"))));
	}

	/** Statistics, metrics, history cleanup and accounts (0021). */
	private void checkAdministration(String user) {
		boolean admin = ADMIN.equals(user);
		String none = "-";
		expect(user, none, "process statistics (engine)", "read", admin || MANAGER.equals(user),
				ok(this.client.get(user, "/engine-rest/process-definition/statistics")));
		expect(user, none, "metrics (engine)", "read", admin,
				ok(this.client.get(user, "/engine-rest/metrics/activity-instance/sum")));
		expect(user, none, "history cleanup (engine)", "schedule", admin,
				notRefused(this.client.post(user, "/engine-rest/history/cleanup?immediatelyDue=false", null)));
		String cleanupJob = admin ? MISSING
				: this.client.get(ADMIN, "/engine-rest/history/cleanup/jobs").body().path(0).path("id").asText();
		expect(user, none, "history cleanup job (engine)", "execute", admin,
				notRefused(this.client.post(user, "/engine-rest/job/" + cleanupJob + "/execute", null)));
		String self = admin ? "no-such-user" : user;
		expect(user, none, "own account (engine)", "delete", admin,
				notRefused(this.client.delete(user, "/engine-rest/user/" + self)));
		expect(user, none, "own profile (engine)", "change", admin, notRefused(this.client.put(user,
				"/engine-rest/user/" + self + "/profile", Map.of("id", self, "email", "admin@example.org"))));
		if (!admin) {
			expect(user, none, "group project-managers (engine)", "join", false, notRefused(
					this.client.put(user, "/engine-rest/group/" + Groups.PROJECT_MANAGERS + "/members/" + user, null)));
		}
		// the same password again (a wrong current one would delay the user's next
		// sign-in)
		expect(user, none, "own password (engine)", "change", true,
				notRefused(this.client.put(user, "/engine-rest/user/" + user + "/credentials",
						Map.of("password", user, "authenticatedUserPassword", user))));
		String other = admin ? MEMBER : ADMIN;
		expect(user, none, "another user's password (engine)", "change", admin,
				notRefused(this.client.put(user, "/engine-rest/user/" + other + "/credentials",
						Map.of("password", other, "authenticatedUserPassword", user))));
	}

	/**
	 * Not refused by the gate or the engine's authorizations: whatever else the engine
	 * answers (a missing id, an invalid body) is past them.
	 */
	private static boolean notRefused(Answer answer) {
		return answer.status().value() != 403;
	}

	private void expect(String user, String code, String resource, String action, boolean allowed, boolean actual) {
		this.cases++;
		if (allowed != actual) {
			this.failures.add(user + " x " + code + " x " + resource + " x " + action + ": expected "
					+ (allowed ? "allowed" : "refused") + ", was " + (actual ? "allowed" : "refused"));
		}
	}

	/** 200; refused is 403 or 404 (anything else fails the case either way). */
	private static boolean ok(Answer answer) {
		return answer.status().value() == 200;
	}

	/**
	 * The request went past the authorization: done (204), or refused by validation
	 * (400); 403 and 404 are the authorization's refusals.
	 */
	private static boolean passesAuthorization(Answer answer) {
		int status = answer.status().value();
		assertThat(status).as("%s", answer).isIn(204, 400, 403, 404);
		return status == 204 || status == 400;
	}

	/** 200 is read; 404 is the answer for a community the user may not read. */
	private static boolean readable(Answer answer) {
		int status = answer.status().value();
		assertThat(status).as("%s", answer).isIn(200, 403, 404);
		return status == 200;
	}

	private boolean engineList(String user, String path, Predicate<JsonNode> match) {
		Answer answer = this.client.get(user, path);
		if (answer.status().value() != 200) {
			return false;
		}
		for (JsonNode item : answer.body()) {
			if (match.test(item)) {
				return true;
			}
		}
		return false;
	}

	private List<String> leadersFilter(String leader) {
		Answer filters = this.client.get(leader, "/engine-rest/filter?resourceType=Task");
		String filterId = null;
		for (JsonNode filter : filters.body()) {
			if (filter.path("name").asText().startsWith("Community leaders' tasks")) {
				filterId = id(filter);
			}
		}
		assertThat(filterId).as("the leaders' filter as %s sees it", leader).isNotNull();
		Answer listed = this.client.post(leader, "/engine-rest/filter/" + filterId + "/list", Map.of());
		List<String> ids = new ArrayList<>();
		listed.body().forEach((task) -> ids.add(id(task)));
		return ids;
	}

	private static String id(JsonNode node) {
		return node.path("id").asText();
	}

	/**
	 * Starts a community with its people, opens establishment's leader's task, opens a
	 * call for applications and receives one application (the public endpoint).
	 */
	private Community community(String code, String leader, String foundation, String ministry) {
		Map<String, Object> form = EstablishmentSteps.startForm(code);
		form = with(with(with(form, "leader", leader), "foundationRep", foundation), "ministryRep", ministry);
		Answer started = this.client.startCommunity(MANAGER, code, form);
		assertThat(started.status().value()).as("start of %s: %s", code, started).isEqualTo(200);
		// a project managers' task carries no grant of its own: the group's rights on
		// every
		// task are enough (and the manager completes it below)
		assertThat(this.jdbc
			.sql("select count(*) from act_ru_authorization where group_id_ = ? and resource_type_ = ?"
					+ " and resource_id_ <> '*'")
			.params(Groups.PROJECT_MANAGERS, Resources.TASK.resourceType())
			.query(Long.class)
			.single()).as("project managers' grants on single tasks").isZero();
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		String mapNeeds = id(this.client.task(MANAGER, code, EstablishmentProcess.MAP_NEEDS));

		// a call opened as year one's draft-call would
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				select id, 1, 'Join us', 'Officers', ?, 'OPEN', leader_id, ? from lc_community where code = ?""")
			.params(Date.valueOf(LocalDate.now().plusDays(30)), Timestamp.from(Instant.now()), code)
			.update();
		Answer applied = this.client.post(null, "/api/communities/" + code + "/applications",
				Map.of("fullName", "Dana Levi", "email", "dana@" + code + ".example.org", "authority", "Lod", "role",
						"Head of economic development", "region", "center", "privacyNoticeAccepted", true));
		assertThat(applied.status().value()).as("application to %s: %s", code, applied).isEqualTo(201);
		long candidateId = applied.body().path("candidateId").asLong();
		JsonNode screening = this.client.task(MANAGER, code, "screen-candidate");
		String admission = screening.path("processInstanceId").asText();
		JsonNode reminder = this.client.get(ADMIN, "/engine-rest/job?processInstanceId=" + admission).body().get(0);
		return new Community(code, mapNeeds, id(screening), admission, candidateId, id(reminder),
				reminder.path("retries").asInt());
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

	private record Community(String code, String mapNeeds, String screening, String admission, long candidateId,
			String job, int jobRetries) {
	}

}
