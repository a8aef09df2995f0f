package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.TestMailServer;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.reminders.MailService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.LifecycleRestClient.form;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * A whole year one through HTTP, as the people of the contract live it: the project
 * manager starts the community, the public applies (34 candidates), the leader screens,
 * interviews, confirms the cohort, chooses the forums, records the first meeting, lays
 * out a syllabus of ten meetings, plans and holds them (one moved, one extra meeting
 * cancelled), and summarizes the year with its products; the gate sends the community to
 * year two. Engine REST {@code submit-form} for every form, our API for applications and
 * meetings. The job executor is off: the test runs due jobs itself, as an operator would,
 * and passes time by executing the meeting-day timers (the contract's way).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:year-one-journey-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class YearOneJourneyIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ADMIN = "admin";

	private static final TestMailServer smtp = new TestMailServer();

	private static final GreenMail mailServer = smtp.server();

	private static final String AGENDA = """
			A 09:00-10:00 opening and check-in
			B 10:00-13:00 professional content
			C 13:30-15:30 product lab""";

	private static final List<String> REGIONS = List.of("north", "haifa", "south");

	private static final List<String> SECTORS = List.of("jewish", "arab");

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	private LifecycleRestClient client;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.register(properties);
	}

	@BeforeAll
	static void startMailServer() {
		mailServer.start();
	}

	@AfterAll
	static void stopMailServer() {
		mailServer.stop();
	}

	@BeforeEach
	void restApiUsesTheApplicationsEngine() {
		this.client = new LifecycleRestClient(this.rest);
	}

	@Test
	void wholeYearOneFromTheCallToTheSignedGateBringsTheCommunityToYearTwo() throws Exception {
		String code = "journey-2027";

		// given: an established community, now in year one
		new EstablishmentSteps(this.client).intoYearOne(code);
		assertThat(stage(code)).isEqualTo("YEAR_ONE");

		// when: the leader drafts the call and 34 candidates apply without logging in
		this.client.complete(LEADER, code, YearOneProcess.DRAFT_CALL,
				form("callText", "Join the learning community of economic development managers", "audience",
						"Senior managers of local authorities", "callDeadline",
						LocalDate.now().plusDays(30).toString()));
		for (int i = 0; i < 34; i++) {
			Answer applied = this.client.post(null, "/api/communities/" + code + "/applications", application(i));
			assertThat(applied.status().value()).as("application %d: %s", i, applied).isEqualTo(201);
		}
		Answer twice = this.client.post(null, "/api/communities/" + code + "/applications", application(0));
		// answered as a new one (nobody learns who applied), stored nowhere
		assertThat(twice.status().value()).as("the same email again").isEqualTo(201);

		// and: the leader closes the call early; a late application is refused
		this.client.complete(LEADER, code, YearOneProcess.FOLLOW_APPLICATIONS, form("closeCallEarly", true));
		runDueJobs();
		Answer late = this.client.post(null, "/api/communities/" + code + "/applications", application(99));
		assertThat(late.status().value()).as("an application to a closed call").isEqualTo(409);

		// and: screening: one screened out, 33 interviewed; one declined, 32 admitted
		List<JsonNode> screenings = this.client.tasks(LEADER, code, "screen-candidate");
		assertThat(screenings).hasSize(34);
		for (int i = 0; i < screenings.size(); i++) {
			submitOk(LEADER, screenings.get(i), form("partnersConsulted", true, "screeningDecision",
					(i == 0) ? "screen-out" : "interview", "screeningNotes", "Against the mix"));
		}
		runDueJobs();
		List<JsonNode> interviews = this.client.tasks(LEADER, code, "interview-candidate");
		assertThat(interviews).hasSize(33);
		for (int i = 0; i < interviews.size(); i++) {
			submitOk(LEADER, interviews.get(i), form("interviewers", "leader, ministry", "interviewNotes",
					"Knows the field", "interviewScore", 4, "admissionDecision", (i == 0) ? "decline" : "admit"));
		}
		runDueJobs();
		// each candidate told the outcome once, and the first one also that it applied
		// again
		assertThat(mailServer.getReceivedMessages()).as("every candidate told once").hasSize(35);
		assertThat(Arrays.stream(mailServer.getReceivedMessages()).filter((mail) -> {
			try {
				return mail.getHeader(MailService.MAIL_KEY_HEADER)[0].startsWith("candidate-applied-again:");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		})).hasSize(1);

		// then: the cohort of 32 fits the mix, and the leader confirms it
		JsonNode confirm = this.client.task(LEADER, code, YearOneProcess.CONFIRM_COHORT);
		submitOk(LEADER, confirm, form("cohortDecision", "confirm"));

		// when: the leader chooses the forums and records the first meeting
		JsonNode forums = this.client.task(LEADER, code, YearOneProcess.CHOOSE_FORUMS);
		JsonNode members = JSON.readTree(this.client.formVariables(LEADER, forums.path("id").asText())
			.path("admittedMembers")
			.path("value")
			.asText());
		assertThat(members).hasSize(32);
		List<String> core = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			core.add(members.get(i).path("value").asText());
		}
		submitOk(LEADER, forums, form("leadingCore", new JsonList(core), "advisoryCommittee",
				"Foundation representative\nMinistry representative\nMayor of Lod\nMayor of Karmiel\nTel Aviv University"));
		this.client.complete(LEADER, code, YearOneProcess.RECORD_FIRST_MEETING,
				form("heldOn", LocalDate.now().toString(), "topicRanking", "1. Income-producing assets\n2. Tourism",
						"chosenTopics", "Income-producing assets; Tourism; Industrial zones", "learningNorms",
						"Openness, confidentiality, everyone brings a case"));

		// then: the syllabus opens with the chosen topics
		JsonNode syllabus = this.client.task(LEADER, code, YearProcess.LAY_OUT_SYLLABUS);
		assertThat(this.client.formVariables(LEADER, syllabus.path("id").asText())
			.path("chosenTopics")
			.path("value")
			.asText()).contains("Tourism");

		// when: a syllabus with a past day and a hosted meeting without a host is sent
		List<String> lines = syllabus(10);
		lines.set(2, LocalDate.now().minusDays(1) + " | Roads | Lod");
		lines.set(3, LocalDate.now().plusMonths(4) + " | Roads |  ");
		Answer refused = submit(LEADER, syllabus, form("syllabus", String.join("\n", lines)));

		// then: refused naming the field and each wrong line; nothing scheduled, the task
		// open
		assertThat(refused.status().value()).as("%s", refused).isEqualTo(400);
		assertThat(refused.message()).contains("syllabus", "line 3: the day must be today or later",
				"line 4: the host is required unless the meeting is online");
		assertThat(meetings(code)).isEmpty();
		assertThat(this.client.tasks(LEADER, code, YearProcess.LAY_OUT_SYLLABUS)).hasSize(1);

		// when: the leading core's syllabus of ten meetings is laid out
		submitOk(LEADER, syllabus, form("syllabus", String.join("\n", syllabus(10))));

		// then: ten meetings are scheduled, each with its planning sheet
		JsonNode scheduled = meetings(code);
		assertThat(scheduled).hasSize(10);
		assertThat(this.client.tasks(LEADER, code, "plan-meeting")).hasSize(10);

		// when: one meeting moves a day later, and an extra meeting is scheduled and
		// then cancelled
		long moved = scheduled.get(3).path("meetingId").asLong();
		LocalDate movedTo = LocalDate.parse(scheduled.get(3).path("meetingDate").asText()).plusDays(1);
		assertThat(this.client
			.post(LEADER, "/api/communities/" + code + "/meetings/" + moved + "/move",
					Map.of("meetingDate", movedTo.toString()))
			.status()
			.value()).isEqualTo(204);
		Answer extra = this.client.post(LEADER, "/api/communities/" + code + "/meetings", Map.of("meetingDate",
				LocalDate.now().plusDays(200).toString(), "topic", "Field tour", "host", "Eilat", "online", false));
		assertThat(extra.status().value()).as("%s", extra).isEqualTo(201);
		assertThat(
				this.client
					.post(LEADER,
							"/api/communities/" + code + "/meetings/" + extra.body().path("meetingId").asLong()
									+ "/cancel",
							Map.of("reason", "Not enough budget"))
					.status()
					.value())
			.isEqualTo(204);
		runDueJobs();

		// and: every meeting is planned, arranged and held on its day, with its product
		for (JsonNode plan : this.client.tasks(LEADER, code, "plan-meeting")) {
			submitOk(LEADER, plan, form("professionalGoals", "Learn the legal frame", "communityGoals", "Peer trust",
					"desiredProduct", "A one-pager", "agenda", AGENDA));
		}
		for (JsonNode logistics : this.client.tasks(LEADER, code, "arrange-logistics")) {
			submitOk(LEADER, logistics, form("venue", "City hall", "catering", "Light lunch"));
		}
		JsonNode dayTimers = read(ADMIN, "/engine-rest/job?timers=true&activityId=meeting-day-arrived");
		assertThat(dayTimers).hasSize(10);
		for (JsonNode timer : dayTimers) {
			execute(timer.path("id").asText());
		}
		for (JsonNode attendance : this.client.tasks(LEADER, code, "record-attendance")) {
			submitOk(LEADER, attendance, form("attendanceCount", 28, "satisfaction", 4, "feedback", "Useful"));
		}
		// the year still waits for the knowledge products
		assertThat(this.client.tasks(LEADER, code, YearProcess.SUMMARIZE_YEAR)).isEmpty();
		for (JsonNode product : this.client.tasks(LEADER, code, "write-knowledge-product")) {
			submitOk(LEADER, product,
					form("knowledgeProduct", "What we learned about the topic", "productType", "one-pager"));
		}
		runDueJobs();

		// then: every meeting is over: ten held, one cancelled; the leader summarizes
		// the year, which opens with the meetings' products
		JsonNode all = meetings(code);
		assertThat(all).hasSize(11);
		assertThat(all.findValuesAsText("status")).containsOnly("HELD", "CANCELLED").containsOnlyOnce("CANCELLED");
		JsonNode summary = this.client.task(LEADER, code, YearProcess.SUMMARIZE_YEAR);
		String offered = this.client.formVariables(LEADER, summary.path("id").asText())
			.path("meetingProducts")
			.path("value")
			.asText();
		assertThat(offered.lines()).hasSize(10).allMatch((line) -> line.startsWith("one-pager | Topic "));
		Answer wrongType = submit(LEADER, summary,
				form("evaluationResults", "Satisfaction 4.1 of 5", "communitySummary", "A community formed",
						"nextYearGoals", "Work teams", "otherProducts", "poster | A poster of the year"));
		assertThat(wrongType.status().value()).isEqualTo(400);
		assertThat(wrongType.message()).contains("otherProducts", "line 1: 'poster' is not one of the guide's");
		submitOk(LEADER, summary,
				form("evaluationResults", "Satisfaction 4.1 of 5", "communitySummary", "A community formed",
						"nextYearGoals", "Work teams", "otherProducts",
						"מדריך הפעלה | Guide to income-producing assets | https://example.org/guide"));

		// and: the project manager signs the gate
		this.client.complete(MANAGER, code, CommunityLifecycleProcess.SIGN_STAGE_GATE, EstablishmentSteps.signGate());

		// and: the partners approve year two's work plan
		new WorkPlanSteps(this.client).approveQuickly(code);

		// then: the community is in year two, and its eleven products are registered
		assertThat(stage(code)).isEqualTo("YEAR_TWO");
		Answer registered = this.client.get(MANAGER, "/api/communities/" + code + "/products");
		assertThat(registered.body()).hasSize(11);
		assertThat(registered.body().findValuesAsText("stage")).containsOnly("YEAR_ONE");
		assertThat(registered.body().findValuesAsText("productType")).contains("operating-guide", "one-pager");
		assertThat(registered.body().findValuesAsText("source")).containsOnly("MEETING", "OTHER");
	}

	// ----------------------------------------------------------------------------------------------------------

	/**
	 * Ten meetings a month apart from next month, one per line, the fifth online, the
	 * sixth the seminar.
	 */
	private static List<String> syllabus(int count) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(LocalDate.now().plusMonths(i + 1) + " | Topic " + (i + 1) + " | "
					+ ((i == 4) ? "online" : "Authority " + (i + 1)) + ((i == 5) ? " | seminar" : ""));
		}
		return lines;
	}

	/** Candidates spread over the mix: regions, sectors and both genders. */
	private static Map<String, Object> application(int i) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("privacyNoticeAccepted", true);
		application.put("fullName", "Candidate " + i);
		application.put("email", "candidate" + i + "@example.org");
		application.put("authority", "Authority " + i);
		application.put("role", "Head of economic development");
		application.put("region", REGIONS.get(i % REGIONS.size()));
		application.put("sector", SECTORS.get(i % SECTORS.size()));
		application.put("gender", (i % 2 == 0) ? "female" : "male");
		application.put("seniorityYears", 5 + i % 10);
		application.put("language", (i % 3 == 0) ? "en" : "he");
		return application;
	}

	private String stage(String code) {
		return this.client.community(MANAGER, code).path("stage").asText();
	}

	private JsonNode meetings(String code) {
		Answer answer = this.client.get(LEADER, "/api/communities/" + code + "/meetings");
		assertThat(answer.status().value()).isEqualTo(200);
		return answer.body();
	}

	private Answer submit(String user, JsonNode task, Map<String, Object> form) {
		return this.client.submitTask(user, task.path("id").asText(), form);
	}

	private void submitOk(String user, JsonNode task, Map<String, Object> form) {
		Answer answer = submit(user, task, form);
		assertThat(answer.status().value()).as("%s of %s: %s", task.path("taskDefinitionKey").asText(), user, answer)
			.isEqualTo(204);
	}

	private JsonNode read(String user, String path) {
		Answer answer = this.client.get(user, path);
		assertThat(answer.status().value()).as("GET %s: %s", path, answer).isEqualTo(200);
		return answer.body();
	}

	private void execute(String jobId) {
		Answer answer = this.client.post(ADMIN, "/engine-rest/job/" + jobId + "/execute", null);
		assertThat(answer.status().value()).as("job %s: %s", jobId, answer).isEqualTo(204);
	}

	/**
	 * Runs every job that is due (mails, counts after a decision, the meetings' ends)
	 * until none is left, as the job executor would.
	 */
	private void runDueJobs() {
		for (int round = 0; round < 20; round++) {
			JsonNode due = read(ADMIN, "/engine-rest/job?executable=true&withRetriesLeft=true");
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> execute(job.path("id").asText()));
		}
		throw new AssertionError("jobs keep coming after 20 rounds");
	}

}
