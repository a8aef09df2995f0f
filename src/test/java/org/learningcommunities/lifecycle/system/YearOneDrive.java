package org.learningcommunities.lifecycle.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * Drives communities through year one over HTTP, forms only (engine REST
 * {@code submit-form}, our API for applications), for the tests that run the application
 * as separate processes: up to the syllabus (mid-year: six members admitted, three
 * meetings scheduled, their notices and reminders waiting on timers), then from there to
 * year two. Time passes the way an operator makes it pass across JVMs: a timer's due date
 * is set to now through {@code PUT /engine-rest/job/{id}/duedate}, and the job executors
 * of the nodes run it. What the steps produce is counted in {@link #expectedTasks()},
 * {@link #MEMBERS} and {@link #MEETINGS} for the tests to check against the database.
 */
final class YearOneDrive {

	static final int MEMBERS = 6;

	static final int MEETINGS = 3;

	/** Who is mailed about each meeting: every member and the leader. */
	static final int NOTICES_PER_MEETING = MEMBERS + 1;

	private static final String ADMIN = "admin";

	private static final Duration WAIT = Duration.ofMinutes(3);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final List<String> REGIONS = List.of("north", "haifa", "south");

	private static final List<String> SECTORS = List.of("jewish", "arab");

	private final LifecycleRestClient client;

	private final TestRestTemplate rest;

	YearOneDrive(TestRestTemplate rest) {
		this.rest = rest;
		this.client = new LifecycleRestClient(rest);
	}

	/** From nothing to year one's syllabus laid out: three meetings scheduled. */
	void upToMidYear(String code) {
		new EstablishmentSteps(this.client).intoYearOne(code);
		awaitStage(code, "YEAR_ONE");

		this.client.complete(LEADER, code, "draft-call", form("callText", "Join the learning community", "audience",
				"Managers of local authorities", "callDeadline", LocalDate.now().plusDays(30).toString()));
		for (int i = 0; i < MEMBERS; i++) {
			Answer applied = this.client.post(null, "/api/communities/" + code + "/applications", application(code, i));
			assertThat(applied.status().value()).as("application %d to %s: %s", i, code, applied).isEqualTo(201);
		}
		this.client.complete(LEADER, code, "follow-applications", form("closeCallEarly", true));
		for (JsonNode screening : awaitTasks(code, "screen-candidate", MEMBERS)) {
			submit(screening, form("partnersConsulted", true, "screeningDecision", "interview", "screeningNotes",
					"Fits the mix"));
		}
		// each admission mails its candidate from a job of its own
		for (JsonNode interview : awaitTasks(code, "interview-candidate", MEMBERS)) {
			submit(interview, form("interviewers", "leader, ministry", "interviewNotes", "Knows the field",
					"interviewScore", 4, "admissionDecision", "admit"));
		}
		// the recruitment counts the open admissions in jobs; a cohort of six is short of
		// the mix's 30, which the leader confirms knowingly
		submit(awaitCohortToConfirm(code), form("cohortDecision", "confirm"));

		JsonNode forums = awaitTasks(code, "choose-forums", 1).get(0);
		JsonNode members = readJson(this.client.formVariables(LEADER, forums.path("id").asText())
			.path("admittedMembers")
			.path("value")
			.asText());
		assertThat(members).as("admitted members of %s", code).hasSize(MEMBERS);
		List<String> core = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			core.add(members.get(i).path("value").asText());
		}
		submit(forums, form("leadingCore", new JsonList(core), "advisoryCommittee",
				"Foundation\nMinistry\nMayor of Lod\nMayor of Karmiel\nTel Aviv University"));
		this.client.complete(LEADER, code, "record-first-meeting",
				form("heldOn", LocalDate.now().toString(), "topicRanking", "1. Tourism", "chosenTopics",
						"Tourism; Industrial zones", "learningNorms", "Openness"));
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < MEETINGS; i++) {
			// months away: no notice, reminder or meeting day is due until a test makes
			// it
			// due
			lines.add(LocalDate.now().plusMonths(i + 2) + " | Topic " + (i + 1) + " | Authority " + (i + 1));
		}
		this.client.complete(LEADER, code, "lay-out-syllabus", form("syllabus", String.join("\n", lines)));
		awaitTasks(code, "plan-meeting", MEETINGS);
	}

	/**
	 * From the syllabus to year two: every meeting planned, arranged, held on its day
	 * (the timer made due), recorded with its product; the year summarized, the gate
	 * signed, year two's plan approved.
	 */
	void fromMidYearToYearTwo(String code) {
		for (JsonNode plan : awaitTasks(code, "plan-meeting", MEETINGS)) {
			submit(plan, form("professionalGoals", "Learn the legal frame", "communityGoals", "Peer trust",
					"desiredProduct", "A one-pager", "agenda",
					"A 09:00-10:00 opening and check-in\nB 10:00-13:00 professional content\nC 13:30-15:30 product lab"));
		}
		for (JsonNode logistics : awaitTasks(code, "arrange-logistics", MEETINGS)) {
			submit(logistics, form("venue", "City hall", "catering", "Light lunch"));
		}
		assertThat(makeDue(code, "meeting-day-arrived")).as("meeting days of %s", code).isEqualTo(MEETINGS);
		for (JsonNode attendance : awaitTasks(code, "record-attendance", MEETINGS)) {
			submit(attendance, form("attendanceCount", 5, "satisfaction", 4, "feedback", "Useful"));
		}
		for (JsonNode product : awaitTasks(code, "write-knowledge-product", MEETINGS)) {
			submit(product, form("knowledgeProduct", "What we learned", "productType", "one-pager"));
		}
		submit(awaitTasks(code, "summarize-year", 1).get(0), form("evaluationResults", "Satisfaction 4 of 5",
				"communitySummary", "A community formed", "nextYearGoals", "Work teams"));
		this.client.complete(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE, EstablishmentSteps.signGate());
		awaitTasks(code, "draft-work-plan", 1);
		new WorkPlanSteps(this.client).approveQuickly(code);
		awaitStage(code, "YEAR_TWO");
	}

	/**
	 * The user tasks each community completes from its start to year two, by task key:
	 * each exactly once per what it is about.
	 */
	static Map<String, Integer> expectedTasks() {
		Map<String, Integer> tasks = new LinkedHashMap<>();
		tasks.put("recruit-partners", 1);
		tasks.put("map-needs", 1);
		tasks.put("draft-goals", 1);
		tasks.put("confirm-goals", 2);
		tasks.put("plan-evaluation", 1);
		tasks.put("define-community-mix", 1);
		tasks.put("sign-stage-gate", 2);
		tasks.put("draft-work-plan", 2);
		tasks.put("approve-work-plan", 4);
		tasks.put("draft-call", 1);
		tasks.put("follow-applications", 1);
		tasks.put("screen-candidate", MEMBERS);
		tasks.put("interview-candidate", MEMBERS);
		tasks.put("confirm-cohort", 1);
		tasks.put("choose-forums", 1);
		tasks.put("record-first-meeting", 1);
		tasks.put("lay-out-syllabus", 1);
		tasks.put("plan-meeting", MEETINGS);
		tasks.put("arrange-logistics", MEETINGS);
		tasks.put("record-attendance", MEETINGS);
		tasks.put("write-knowledge-product", MEETINGS);
		tasks.put("summarize-year", 1);
		return tasks;
	}

	// time and jobs
	// ------------------------------------------------------------------------------------------------

	/**
	 * Sets the due date of the community's timers of one activity to now, so that a job
	 * executor runs them: what passing time is for a cluster (each JVM has its own
	 * clock).
	 * @return how many timers were made due
	 */
	int makeDue(String code, String activityId) {
		JsonNode timers = read("/engine-rest/job?timers=true&activityId=" + activityId);
		String now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).format(REST_DATE);
		int made = 0;
		for (JsonNode timer : timers) {
			if (!code.equals(businessKeyOf(timer.path("processInstanceId").asText()))) {
				continue;
			}
			ResponseEntity<String> answer = this.rest.exchange(
					"/engine-rest/job/" + timer.path("id").asText() + "/duedate", HttpMethod.PUT,
					new HttpEntity<>(Map.of("duedate", now), adminHeaders()), String.class);
			assertThat(answer.getStatusCode().value()).as("due date of %s: %s", timer, answer).isEqualTo(204);
			made++;
		}
		return made;
	}

	/**
	 * Waits until no job is due any more and no asynchronous step waits for a retry (the
	 * executors ran everything that was due, retries of failed mails and of steps that
	 * lost a conflict included; timers not yet due are left).
	 */
	void awaitNoDueJobs() {
		await("every due job executed").atMost(WAIT)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> read("/engine-rest/job/count?executable=true").path("count").asInt() == 0
					&& read("/engine-rest/job/count?messages=true&withRetriesLeft=true").path("count").asInt() == 0);
	}

	int dueJobs() {
		return read("/engine-rest/job/count?executable=true").path("count").asInt();
	}

	private String businessKeyOf(String processInstanceId) {
		return read("/engine-rest/process-instance/" + processInstanceId).path("businessKey").asText();
	}

	// tasks
	// --------------------------------------------------------------------------------------------------------

	/** Waits until the community has {@code count} open tasks with the key. */
	List<JsonNode> awaitTasks(String code, String taskKey, int count) {
		return awaitTasks(code, taskKey, count, WAIT);
	}

	private List<JsonNode> awaitTasks(String code, String taskKey, int count, Duration atMost) {
		List<List<JsonNode>> found = new ArrayList<>(List.of(List.of()));
		await(count + " open " + taskKey + " tasks of " + code).atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				found.set(0, this.client.tasks(LEADER, code, taskKey));
				return found.get(0).size() == count;
			});
		return found.get(0);
	}

	/**
	 * The cohort to confirm once every admission is decided. Two nodes deciding two
	 * candidates within a second once made a decision wait for the hourly recount
	 * ({@code recount-admissions}); the recruitment now subscribes before it counts and
	 * each decision is announced after its commit (ADR 0020), so the cohort must come
	 * without that hour passing.
	 */
	private JsonNode awaitCohortToConfirm(String code) {
		return awaitTasks(code, "confirm-cohort", 1).get(0);
	}

	void awaitStage(String code, String stage) {
		await(code + " in " + stage).atMost(WAIT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> stage.equals(this.client.community(MANAGER, code).path("stage").asText()));
	}

	/** Submits a leader's task form; it must pass. */
	private void submit(JsonNode task, Map<String, Object> form) {
		Answer answer = this.client.submitTask(LEADER, task.path("id").asText(), form);
		assertThat(answer.status().value()).as("%s: %s", task.path("taskDefinitionKey").asText(), answer)
			.isEqualTo(204);
	}

	private JsonNode read(String path) {
		Answer answer = this.client.get(ADMIN, path);
		assertThat(answer.status().value()).as("GET %s: %s", path, answer).isEqualTo(200);
		return answer.body();
	}

	private static HttpHeaders adminHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(ADMIN, ADMIN);
		return headers;
	}

	private static JsonNode readJson(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + json, ex);
		}
	}

	/** Candidates spread over the mix; the email names the community. */
	private static Map<String, Object> application(String code, int i) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("privacyNoticeAccepted", true);
		application.put("fullName", "Candidate " + i + " of " + code);
		application.put("email", "candidate" + i + "." + code + "@example.org");
		application.put("authority", "Authority " + i);
		application.put("role", "Head of economic development");
		application.put("region", REGIONS.get(i % REGIONS.size()));
		application.put("sector", SECTORS.get(i % SECTORS.size()));
		application.put("gender", (i % 2 == 0) ? "female" : "male");
		application.put("seniorityYears", 5 + i);
		application.put("language", (i % 3 == 0) ? "en" : "he");
		return application;
	}

	static Map<String, Object> form(Object... keysAndValues) {
		Map<String, Object> form = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return form;
	}

}
