package org.learningcommunities.lifecycle.recruitment;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate's journey through HTTP, as the candidate, the leader and an operator meet
 * it: the public application, screening and interview through the engine REST API's
 * {@code submit-form}, and the mail in GreenMail. The job executor is off: the test runs
 * each mail job itself ({@code POST /engine-rest/job/{id}/execute}), as an operator would
 * in Cockpit, so that what happens when is certain.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:candidate-admission-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class CandidateAdmissionIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestMailServer smtp = new TestMailServer();

	private static final GreenMail mailServer = smtp.server();

	private static final String LEADER = "leader";

	private static final String ADMIN = "admin";

	private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	/** The names and emails of every application the tests sent. */
	private static final Set<String> personalData = ConcurrentHashMap.newKeySet();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RepositoryService repository;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private ManagementService management;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.register(properties);
	}

	@BeforeAll
	static void startMailServer() {
		mailServer.start();
	}

	/**
	 * Every line the application and the engine log while the tests run: applications,
	 * screening, interviews, mail sent and failed, withdrawals, refusals. Attached once
	 * the application started (its start resets Logback's configuration).
	 */
	@BeforeEach
	void captureLogs() {
		if (!rootLogger().isAttached(logs)) {
			logs.start();
			rootLogger().addAppender(logs);
		}
	}

	@AfterAll
	static void stopMailServer() {
		mailServer.stop();
	}

	/**
	 * Logs carry ids only (STYLE.md): no name or email of a candidate of these journeys
	 * appears in any message or exception that was logged.
	 */
	@AfterAll
	static void noNameOrEmailOfACandidateWasLogged() {
		rootLogger().detachAppender(logs);
		assertThat(personalData).as("names and emails sent by the tests").isNotEmpty();
		assertThat(logs.list).as("lines logged").isNotEmpty();
		List<String> leaks = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(logs.list)) {
			if (event.getLoggerName().startsWith("com.icegreen.greenmail")) {
				// the test's mail server, standing in for the operator's: not the
				// application
				continue;
			}
			String text = logged(event);
			personalData.stream()
				.filter(text::contains)
				.forEach((value) -> leaks.add(event.getLoggerName() + ": " + event.getFormattedMessage()));
		}
		assertThat(leaks).as("log lines holding a candidate's name or email").isEmpty();
	}

	private static ch.qos.logback.classic.Logger rootLogger() {
		return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	/** The message and every exception message and frame in its chain. */
	private static String logged(ILoggingEvent event) {
		StringBuilder text = new StringBuilder(event.getFormattedMessage());
		for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
			text.append('\n').append(cause.getClassName()).append(": ").append(cause.getMessage());
		}
		return text.toString();
	}

	@BeforeEach
	void emptyMailboxes() throws Exception {
		if (!mailServer.isRunning()) {
			mailServer.start();
		}
		mailServer.purgeEmailFromAllMailboxes();
	}

	@Test
	void candidateAdmittedAfterTheInterviewIsToldOnceInHebrew() throws Exception {
		// given: a community in year one with an open call and an agreed mix
		String code = openCommunity("it-admitted", "פיתוח כלכלי");

		// when: a candidate applies, without logging in
		ResponseEntity<String> applied = apply(code, application("Dana Levi", "dana@example.org", "he"));

		// then: 201 with the id and where to find the candidate; the leader has the
		// screening task
		assertThat(applied.getStatusCode().value()).as("%s", applied).isEqualTo(201);
		long candidateId = json(applied).path("candidateId").asLong();
		assertThat(applied.getHeaders().getLocation())
			.hasPath("/api/communities/" + code + "/candidates/" + candidateId);
		assertThat(candidate(code, candidateId).path("status").asText()).isEqualTo("APPLIED");
		JsonNode screening = task(LEADER, code, "screen-candidate");
		assertThat(screening.path("assignee").asText()).isEqualTo(LEADER);
		JsonNode screeningForm = formVariables(LEADER, screening.path("id").asText());
		assertThat(screeningForm.path("fullName").path("value").asText()).isEqualTo("Dana Levi");
		assertThat(screeningForm.path("mixFit").path("value").asText()).contains("center — ✓");

		// when: the leader screens the candidate in, with the partners
		assertThat(submit(LEADER, screening.path("id").asText(),
				Map.of("partnersConsulted", true, "screeningDecision", "interview"))
			.getStatusCode()
			.value()).isEqualTo(204);

		// then: the candidate waits for the interview, whose form shows the question bank
		assertThat(candidate(code, candidateId).path("status").asText()).isEqualTo("INTERVIEW");
		JsonNode interview = task(LEADER, code, "interview-candidate");
		assertThat(
				formVariables(LEADER, interview.path("id").asText()).path("interviewQuestions").path("value").asText())
			.contains("מה מביא אותך לקהילה", "What brings you to the community");

		// when: the interview ends in an admission
		assertThat(submit(LEADER, interview.path("id").asText(), interviewForm("admit")).getStatusCode().value())
			.isEqualTo(204);

		// then: admitted at once; the decision is announced by its job, and the mail goes
		// out when the next job runs, and only then
		JsonNode admitted = candidate(code, candidateId);
		assertThat(admitted.path("status").asText()).isEqualTo("ADMITTED");
		assertThat(admitted.path("decidedAt").isTextual()).isTrue();
		announceDecision(code, candidateId, CandidateAdmissionProcess.ADMISSION_DECIDED_ADMITTED);
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		String job = onlyJob(code, candidateId);
		assertThat(executeJob(job).getStatusCode().value()).isEqualTo(204);

		MimeMessage mail = onlyMail();
		assertThat(mail.getRecipients(RecipientType.TO)).extracting(Object::toString)
			.containsExactly("dana@example.org");
		assertThat(mail.getSubject()).isEqualTo("התקבלת לקהילה הלומדת פיתוח כלכלי");
		assertThat(part(mail, "text/html")).contains("dir=\"rtl\"", "שלום Dana Levi,", "פיתוח כלכלי");
		assertThat(part(mail, "text/plain")).contains("שמחים לבשר לך שהתקבלת לקהילה הלומדת פיתוח כלכלי.");
		assertThat(admissionEnded(code, candidateId)).isTrue();
		assertThat(jobs(code, candidateId)).isEmpty();
		assertThat(mailLog("candidate-admitted:" + candidateId)).isEqualTo(1);
	}

	@Test
	void candidateScreenedOutIsToldInEnglishAndNeverInterviewed() throws Exception {
		// given: an application, written to in English; year one waits for admissions
		String code = openCommunity("it-screened-out", "Digital transformation");
		ProcessInstance yearOneWaiting = waitForAdmissionDecided(code);
		long candidateId = json(apply(code, application("Omar Haddad", "omar@example.org", "en"))).path("candidateId")
			.asLong();
		String screening = task(LEADER, code, "screen-candidate").path("id").asText();

		// when: the leader screens the candidate out without a note, then with one
		ResponseEntity<String> withoutNote = submit(LEADER, screening,
				Map.of("partnersConsulted", true, "screeningDecision", "screen-out"));
		ResponseEntity<String> withNote = submit(LEADER, screening, Map.of("partnersConsulted", true,
				"screeningDecision", "screen-out", "screeningNotes", "Outside the agreed regions"));

		// then: the first is refused naming the field, the second decides the candidate
		assertThat(withoutNote.getStatusCode().value()).isEqualTo(400);
		assertThat(json(withoutNote).path("message").asText()).contains("screeningNotes");
		assertThat(withNote.getStatusCode().value()).isEqualTo(204);
		JsonNode screenedOut = candidate(code, candidateId);
		assertThat(screenedOut.path("status").asText()).isEqualTo("SCREENED_OUT");
		assertThat(screenedOut.path("statusReason").asText()).isEqualTo("Outside the agreed regions");
		assertThat(tasks(LEADER, code, "interview-candidate")).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(yearOneWaiting.getId()).count())
			.as("not told in the decision's own transaction")
			.isOne();

		// when: the announcement's job runs, after the decision was committed
		announceDecision(code, candidateId, CandidateAdmissionProcess.ADMISSION_DECIDED_NOT_ADMITTED);

		// then: the process waiting for it moved on
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(yearOneWaiting.getId()).count())
			.as("the process waiting for admission-decided moved on")
			.isZero();

		// when: the mail job runs
		assertThat(executeJob(onlyJob(code, candidateId)).getStatusCode().value()).isEqualTo(204);

		// then: the decline mail, in English, and the admission has ended without an
		// interview
		MimeMessage mail = onlyMail();
		assertThat(mail.getSubject()).isEqualTo("Your application to the learning community Digital transformation");
		assertThat(part(mail, "text/html")).contains("dir=\"ltr\"", "Dear Omar Haddad,");
		assertThat(admissionEnded(code, candidateId)).isTrue();
		assertThat(passed(code, candidateId, "interview-candidate")).isFalse();
	}

	@Test
	void mailServerDownFailsTheMailJobAndNeverTheLeadersForm() throws Exception {
		// given: a candidate waiting for the interview, and a mail server that is down
		String code = openCommunity("it-mail-down", "Education");
		long candidateId = json(apply(code, application("Noa Cohen", "noa@example.org", "he"))).path("candidateId")
			.asLong();
		assertThat(submit(LEADER, task(LEADER, code, "screen-candidate").path("id").asText(),
				Map.of("partnersConsulted", true, "screeningDecision", "interview"))
			.getStatusCode()
			.value()).isEqualTo(204);
		mailServer.stop();

		// when: the leader admits the candidate
		ResponseEntity<String> submitted = submit(LEADER, task(LEADER, code, "interview-candidate").path("id").asText(),
				interviewForm("admit"));

		// then: the form is accepted and the decision announced; the mail job fails and
		// is retried later
		assertThat(submitted.getStatusCode().value()).isEqualTo(204);
		assertThat(candidate(code, candidateId).path("status").asText()).isEqualTo("ADMITTED");
		announceDecision(code, candidateId, CandidateAdmissionProcess.ADMISSION_DECIDED_ADMITTED);
		String job = onlyJob(code, candidateId);
		assertThat(executeJob(job).getStatusCode().is5xxServerError()).isTrue();
		JsonNode failed = read(ADMIN, "/engine-rest/job/" + job);
		assertThat(failed.path("retries").asInt()).as("retries left of R5/PT5M").isEqualTo(4);
		assertThat(failed.path("exceptionMessage").asText()).isNotBlank();
		assertThat(failed.path("dueDate").asText()).isNotBlank();
		assertThat(mailLog("candidate-admitted:" + candidateId)).as("the log row rolled back with the job").isZero();

		// when: the mail server is back and the job runs again
		mailServer.start();
		assertThat(executeJob(job).getStatusCode().value()).isEqualTo(204);

		// then: the mail arrives, once
		assertThat(onlyMail().getSubject()).isEqualTo("התקבלת לקהילה הלומדת Education");
		assertThat(mailLog("candidate-admitted:" + candidateId)).isEqualTo(1);
		assertThat(admissionEnded(code, candidateId)).isTrue();
	}

	@Test
	void withdrawnCandidateStopsWhereTheyAre() throws Exception {
		// given: a candidate waiting for screening
		String code = openCommunity("it-withdrawn", "Organisational development");
		long candidateId = json(apply(code, application("Yael Mizrahi", "yael@example.org", "he"))).path("candidateId")
			.asLong();
		String withdrawal = "/api/communities/" + code + "/candidates/" + candidateId + "/withdrawal";

		// when: a partner tries to withdraw them, then the leader does
		ResponseEntity<String> byPartner = post("foundation", withdrawal, Map.of("reason", "Asked by phone"));
		ResponseEntity<String> byLeader = post(LEADER, withdrawal, Map.of("reason", "Moved to another authority"));

		// then: only the leader may; the screening task is gone and nobody is mailed
		assertThat(byPartner.getStatusCode().value()).isEqualTo(403);
		assertThat(byLeader.getStatusCode().value()).isEqualTo(204);
		JsonNode withdrawn = candidate(code, candidateId);
		assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.path("statusReason").asText()).isEqualTo("Moved to another authority");
		assertThat(tasks(LEADER, code, "screen-candidate")).isEmpty();
		announceDecision(code, candidateId, CandidateAdmissionProcess.ADMISSION_DECIDED_WITHDRAWN);
		assertThat(admissionEnded(code, candidateId)).isTrue();
		assertThat(jobs(code, candidateId)).isEmpty();
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		assertThat(post(LEADER, withdrawal, Map.of()).getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void badApplicationsAreRefusedNamingEachField() throws Exception {
		// given
		String code = openCommunity("it-bad-input", "Economic development");
		Map<String, Object> bad = application("Not Used", "not-an-address", "he");
		bad.remove("fullName");
		bad.put("region", "mars");

		// when
		ResponseEntity<String> refused = apply(code, bad);

		// then: 400 as a problem detail naming each field; nothing stored, nothing
		// started
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		List<String> fields = new ArrayList<>();
		json(refused).path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactly("fullName", "email", "region");
		assertThat(read(LEADER, "/api/communities/" + code + "/candidates")).isEmpty();
		assertThat(tasks(LEADER, code, "screen-candidate")).isEmpty();
	}

	@Test
	void theConfirmationOfThePrivacyNoticeIsStoredWithItsVersionAndTime() throws Exception {
		// given
		String code = openCommunity("it-consent", "Economic development");
		Instant before = Instant.now().minusSeconds(1);

		// when: a candidate applies having checked the box under the notice
		ResponseEntity<String> applied = apply(code, application("Dana Levi", "dana@consent.example.org", "he"));

		// then: the confirmation is stored with the notice's version and the time
		assertThat(applied.getStatusCode().value()).as("%s", applied).isEqualTo(201);
		long candidateId = json(applied).path("candidateId").asLong();
		Map<String, Object> consent = this.jdbc
			.sql("select notice_version, accepted_at from lc_privacy_consent where candidate_id = ?")
			.param(candidateId)
			.query()
			.singleRow();
		assertThat(consent.get("NOTICE_VERSION")).isEqualTo("2026-12");
		assertThat(((Timestamp) consent.get("ACCEPTED_AT")).toInstant()).isAfter(before);
	}

	@Test
	void anApplicationThatDeclinesTheNoticeIsRefusedAndOneWithoutItIsKeptWithNoConfirmation() throws Exception {
		// given
		String code = openCommunity("it-no-consent", "Economic development");
		Map<String, Object> declined = application("Dana Levi", "dana@no-consent.example.org", "he");
		declined.put("privacyNoticeAccepted", false);

		// when: the box under the notice is not checked (our page then sends false)
		ResponseEntity<String> refused = apply(code, declined);

		// then: 400 naming the field; nothing stored, nothing started
		assertThat(refused.getStatusCode().value()).as("%s", refused).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		json(refused).path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactly("privacyNoticeAccepted");
		assertThat(read(LEADER, "/api/communities/" + code + "/candidates")).isEmpty();
		assertThat(tasks(LEADER, code, "screen-candidate")).isEmpty();

		// when: a client of the API that predates the notice sends no confirmation at all
		Map<String, Object> unconfirmed = application("Dana Levi", "dana@no-consent.example.org", "he");
		unconfirmed.remove("privacyNoticeAccepted");
		ResponseEntity<String> taken = apply(code, unconfirmed);

		// then: the application is taken, and no confirmation is recorded for it
		assertThat(taken.getStatusCode().value()).as("%s", taken).isEqualTo(201);
		long candidateId = json(taken).path("candidateId").asLong();
		assertThat(this.jdbc.sql("select count(*) from lc_privacy_consent where candidate_id = ?")
			.param(candidateId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCommunityWhoseMixSetsNoGenderShareDoesNotKeepTheGender() throws Exception {
		// given: a mix without a minimum share of each gender
		String code = openCommunity("it-no-gender", "Economic development");
		this.jdbc
			.sql("update lc_community_mix set min_share_each_gender_pct = 0 "
					+ "where community_id = (select id from lc_community where code = ?)")
			.param(code)
			.update();

		// when: an application gives the gender anyway
		ResponseEntity<String> applied = apply(code, application("Dana Levi", "dana@no-gender.example.org", "he"));

		// then: taken, without the gender
		assertThat(applied.getStatusCode().value()).as("%s", applied).isEqualTo(201);
		long candidateId = json(applied).path("candidateId").asLong();
		assertThat(this.jdbc.sql("select count(*) from lc_candidate where id = ? and gender is null")
			.param(candidateId)
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

	@Test
	void everyReadOfACandidatesRecordIsLoggedForTheAdministrator() throws Exception {
		// given: an application
		String code = openCommunity("it-access-log", "Economic development");
		long candidateId = json(apply(code, application("Dana Levi", "dana@access.example.org", "he")))
			.path("candidateId")
			.asLong();

		// when: the leader reads the candidate, alone and in the list
		read(LEADER, "/api/communities/" + code + "/candidates/" + candidateId);
		read(LEADER, "/api/communities/" + code + "/candidates");

		// then: the administrator sees both reads, who and which record, newest first
		JsonNode reads = read(ADMIN, "/api/record-access?candidateId=" + candidateId);
		assertThat(reads).hasSize(2);
		for (JsonNode access : reads) {
			assertThat(access.path("recordKind").asText()).isEqualTo("CANDIDATE");
			assertThat(access.path("recordId").asLong()).isEqualTo(candidateId);
			assertThat(access.path("readBy").asText()).isEqualTo(LEADER);
			assertThat(access.path("readAt").isTextual()).isTrue();
		}
		// and the leader may not read the log
		assertThat(this.rest.withBasicAuth(LEADER, LEADER)
			.getForEntity("/api/record-access", String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void theProjectManagerSeesEverythingHeldAboutAPersonAndTheActIsRecordedWithoutIt() throws Exception {
		// given: an application, whose screening task holds the candidate's details
		String code = openCommunity("it-people", "Economic development");
		String email = "dana@people.example.org";
		long candidateId = json(apply(code, application("Dana Levi", email, "he"))).path("candidateId").asLong();
		task(LEADER, code, "screen-candidate");

		// when: the project manager asks what is held about her, by her email in any case
		JsonNode held = read("manager", "/api/people?email=Dana@People.example.org");

		// then: her application, her confirmation of the notice, and the engine's
		// variables
		assertThat(held.path("candidates")).hasSize(1);
		assertThat(held.path("candidates").get(0).path("id").asLong()).isEqualTo(candidateId);
		assertThat(held.path("candidates").get(0).path("full_name").asText()).isEqualTo("Dana Levi");
		assertThat(held.path("consents")).hasSize(1);
		List<String> variables = new ArrayList<>();
		held.path("processVariables").forEach((variable) -> variables.add(variable.path("name").asText()));
		assertThat(variables).contains("candidateId", "fullName", "email");
		// and the act is recorded, without her name or email
		String summary = this.jdbc
			.sql("select summary from lc_privacy_act where kind = 'ACCESS' and acted_by = 'manager' order by id desc")
			.query(String.class)
			.list()
			.get(0);
		assertThat(summary).contains(String.valueOf(candidateId)).doesNotContain(email, "Dana");
		// a leader may not ask
		assertThat(this.rest.withBasicAuth(LEADER, LEADER)
			.getForEntity("/api/people?email=" + email, String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void anAddressThatAppliedAlreadyIsAnsweredAsNewAndToldByMailOnce() throws Exception {
		String code = openCommunity("it-same-email", "Economic development");
		ResponseEntity<String> first = apply(code, application("Ruth Ben-David", "ruth@example.org", "he"));
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		long ruth = json(first).path("candidateId").asLong();

		ResponseEntity<String> again = apply(code, application("Someone Else", "Ruth@Example.org", "en"));

		// then: the same answer as a new application (a number no candidate carries),
		// nothing stored, and the address is told in the language it applied in
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(json(again).fieldNames()).toIterable().containsExactly("candidateId");
		assertThat(json(again).path("candidateId").asLong()).isNotEqualTo(ruth);
		assertThat(again.getHeaders().getLocation()).isNotNull();
		assertThat(read(LEADER, "/api/communities/" + code + "/candidates")).hasSize(1);
		assertThat(tasks(LEADER, code, "screen-candidate")).hasSize(1);
		assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage told = onlyMail();
		assertThat(told.getAllRecipients()[0].toString()).isEqualTo("ruth@example.org");
		assertThat(told.getSubject()).contains("מועמדותך");
		assertThat(part(told, "text/plain")).contains("Ruth Ben-David").doesNotContain("Someone Else");
		// the mail is sent after the answer, and its log row is committed after the mail
		assertThat(mailLogOnceWithin(Duration.ofSeconds(10), "candidate-applied-again:" + ruth)).isEqualTo(1);

		// and: a third time is answered the same, without a second mail
		assertThat(apply(code, application("Ruth Ben-David", "ruth@example.org", "he")).getStatusCode().value())
			.isEqualTo(201);
		assertThat(mailServer.waitForIncomingEmail(2_000, 2)).isFalse();
		assertThat(mailLog("candidate-applied-again:" + ruth)).isEqualTo(1);
	}

	@Test
	void aCallThatIsClosedOrPastItsDeadlineTakesNoApplications() throws Exception {
		String closed = community("it-call-closed", "Economic development", "CLOSED", LocalDate.now().plusDays(10));
		String pastDeadline = community("it-call-past", "Economic development", "OPEN", LocalDate.now().minusDays(2));

		ResponseEntity<String> toClosed = apply(closed, application("Avi Peretz", "avi@example.org", "he"));
		ResponseEntity<String> afterDeadline = apply(pastDeadline, application("Avi Peretz", "avi@example.org", "he"));

		assertThat(toClosed.getStatusCode().value()).isEqualTo(409);
		assertThat(json(toClosed).path("detail").asText()).contains("is not open");
		assertThat(afterDeadline.getStatusCode().value()).isEqualTo(409);
		assertThat(json(afterDeadline).path("detail").asText()).contains("closed on");
	}

	@Test
	void anUnknownCommunityIsNotFound() throws Exception {
		ResponseEntity<String> answer = apply("no-such-community", application("Avi Peretz", "avi@example.org", "he"));

		assertThat(answer.getStatusCode().value()).isEqualTo(404);
		assertThat(json(answer).path("detail").asText()).isEqualTo("No community with code no-such-community");
	}

	@Test
	void onlyApplyingNeedsNoLogin() {
		String code = openCommunity("it-login", "Economic development");

		assertThat(anonymous(HttpMethod.GET, "/api/communities/" + code + "/candidates").value()).isEqualTo(401);
		assertThat(anonymous(HttpMethod.POST, "/api/communities/" + code + "/candidates/1/withdrawal").value())
			.isEqualTo(401);
		assertThat(anonymous(HttpMethod.GET, "/api/communities").value()).isEqualTo(401);
		assertThat(anonymous(HttpMethod.GET, "/api/communities/" + code + "/applications").value()).isEqualTo(401);
		assertThat(anonymous(HttpMethod.GET, "/engine-rest/task").value()).isEqualTo(401);
		assertThat(apply(code, application("Lea Azulay", "lea@example.org", "he")).getStatusCode().value())
			.isEqualTo(201);
	}

	// set-up: a community in year one, as establishment and the call leave it
	// ------------------------------------------------------------------------------------

	private String openCommunity(String code, String name) {
		return community(code, name, "OPEN", LocalDate.now().plusDays(30));
	}

	private String community(String code, String name, String callStatus, LocalDate deadline) {
		Timestamp now = Timestamp.from(Instant.now());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, ?, 'Local government', 'leader', 'Ministry of Interior', 'foundation', 'ministry', ?, 35,
				    'YEAR_ONE', ?)""").params(code, name, LocalDate.now(), now).update(keys, "id");
		long communityId = keys.getKey().longValue();
		this.jdbc
			.sql("""
					insert into lc_community_mix (community_id, target_roles, min_seniority_years, min_share_each_gender_pct,
					    sectors, regions, recorded_by, recorded_at)
					values (?, 'Head of economic development', 3, 40, 'jewish,arab', 'north,center', 'leader', ?)""")
			.params(communityId, now)
			.update();
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				values (?, 1, 'Join the community', 'Senior managers', ?, ?, 'leader', ?)""")
			.params(communityId, deadline, callStatus, now)
			.update();
		return code;
	}

	/**
	 * Stands in for year one, which waits for {@code admission-decided} under the
	 * community's business key.
	 */
	private ProcessInstance waitForAdmissionDecided(String code) {
		String key = "admission-decided-stub";
		if (this.repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
			this.repository.createDeployment()
				.addModelInstance(key + ".bpmn",
						Bpmn.createExecutableProcess(key)
							.camundaHistoryTimeToLive(1)
							.startEvent()
							.intermediateCatchEvent()
							.message(CandidateAdmissionProcess.ADMISSION_DECIDED)
							.endEvent()
							.done())
				.deploy();
		}
		return this.runtime.startProcessInstanceByKey(key, code);
	}

	private static Map<String, Object> application(String fullName, String email, String language) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("privacyNoticeAccepted", true);
		application.put("fullName", fullName);
		application.put("email", email);
		application.put("authority", "Lod");
		application.put("role", "Head of economic development");
		application.put("region", "center");
		application.put("sector", "arab");
		application.put("gender", "female");
		application.put("seniorityYears", 8);
		application.put("language", language);
		application.put("motivation", "To learn from peers");
		return application;
	}

	private static Map<String, Object> interviewForm(String decision) {
		return Map.of("interviewers", "leader, ministry", "interviewNotes", "Clear about what she brings",
				"interviewScore", 4, "admissionDecision", decision);
	}

	// HTTP
	// -------------------------------------------------------------------------------------------------------

	private ResponseEntity<String> apply(String code, Map<String, Object> application) {
		if (application.get("fullName") instanceof String name) {
			personalData.add(name);
		}
		if (application.get("email") instanceof String email && email.contains("@")) {
			personalData.add(email);
		}
		return this.rest.exchange("/api/communities/" + code + "/applications", HttpMethod.POST,
				new HttpEntity<>(application, jsonHeaders()), String.class);
	}

	private JsonNode candidate(String code, long candidateId) throws IOException {
		ResponseEntity<String> answer = get(LEADER, "/api/communities/" + code + "/candidates/" + candidateId);
		assertThat(answer.getStatusCode().value()).as("%s", answer).isEqualTo(200);
		return json(answer);
	}

	private List<JsonNode> tasks(String user, String code, String taskKey) throws IOException {
		List<JsonNode> tasks = new ArrayList<>();
		read(user, "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + taskKey)
			.forEach(tasks::add);
		return tasks;
	}

	private JsonNode task(String user, String code, String taskKey) throws IOException {
		List<JsonNode> tasks = tasks(user, code, taskKey);
		assertThat(tasks).as("open %s tasks of %s", taskKey, code).hasSize(1);
		return tasks.get(0);
	}

	private JsonNode formVariables(String user, String taskId) throws IOException {
		return read(user, "/engine-rest/task/" + taskId + "/form-variables");
	}

	private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> form) {
		Map<String, Object> variables = new LinkedHashMap<>();
		form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
		return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
	}

	/** The candidate's admission, running or ended (the engine's history). */
	private String admission(String code, long candidateId) throws IOException {
		ResponseEntity<String> answer = post(ADMIN, "/engine-rest/history/process-instance",
				Map.of("processDefinitionKey", "candidate-admission", "processInstanceBusinessKey", code, "variables",
						List.of(Map.of("name", "candidateId", "operator", "eq", "value", candidateId))));
		assertThat(answer.getStatusCode().value()).as("%s", answer).isEqualTo(200);
		JsonNode instances = json(answer);
		assertThat(instances).as("admissions of candidate %s", candidateId).hasSize(1);
		return instances.get(0).path("id").asText();
	}

	private boolean admissionEnded(String code, long candidateId) throws IOException {
		String id = admission(code, candidateId);
		return "COMPLETED".equals(read(ADMIN, "/engine-rest/history/process-instance/" + id).path("state").asText());
	}

	private boolean passed(String code, long candidateId, String activityId) throws IOException {
		String id = admission(code, candidateId);
		return read(ADMIN,
				"/engine-rest/history/activity-instance?processInstanceId=" + id + "&activityId=" + activityId)
			.size() > 0;
	}

	private List<JsonNode> jobs(String code, long candidateId) throws IOException {
		String id = admission(code, candidateId);
		List<JsonNode> jobs = new ArrayList<>();
		read(ADMIN, "/engine-rest/job?processInstanceId=" + id).forEach(jobs::add);
		return jobs;
	}

	/**
	 * Runs the admission's job that announces admission-decided, as an operator would:
	 * the decision's transaction only left it behind.
	 */
	private void announceDecision(String code, long candidateId, String eventId) throws IOException {
		String job = onlyJob(code, candidateId);
		// by instance and activity: Camunda 7.24 writes invalid SQL for a job query by id
		// and activity together
		Job announcement = this.management.createJobQuery()
			.processInstanceId(admission(code, candidateId))
			.activityId(eventId)
			.singleResult();
		assertThat(announcement).as("the job of %s", eventId).isNotNull();
		assertThat(announcement.getId()).isEqualTo(job);
		assertThat(executeJob(job).getStatusCode().value()).isEqualTo(204);
	}

	private String onlyJob(String code, long candidateId) throws IOException {
		List<JsonNode> jobs = jobs(code, candidateId);
		assertThat(jobs).as("jobs of candidate %s", candidateId).hasSize(1);
		return jobs.get(0).path("id").asText();
	}

	private ResponseEntity<String> executeJob(String jobId) {
		return post(ADMIN, "/engine-rest/job/" + jobId + "/execute", null);
	}

	private ResponseEntity<String> get(String user, String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(user)), String.class);
	}

	/** GET that must answer 200, as JSON. */
	private JsonNode read(String user, String path) throws IOException {
		ResponseEntity<String> answer = get(user, path);
		assertThat(answer.getStatusCode().value()).as("GET %s as %s: %s", path, user, answer).isEqualTo(200);
		return json(answer);
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, signedIn(user)), String.class);
	}

	private HttpStatusCode anonymous(HttpMethod method, String path) {
		return this.rest.exchange(path, method, new HttpEntity<>(Map.of(), jsonHeaders()), String.class)
			.getStatusCode();
	}

	private static HttpHeaders signedIn(String user) {
		HttpHeaders headers = jsonHeaders();
		headers.setBasicAuth(user, user);
		return headers;
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static JsonNode json(ResponseEntity<String> answer) throws IOException {
		return (answer.getBody() != null) ? JSON.readTree(answer.getBody()) : MissingNode.getInstance();
	}

	// mail
	// -------------------------------------------------------------------------------------------------------

	private int mailLogOnceWithin(Duration wait, String mailKey) throws InterruptedException {
		long end = System.nanoTime() + wait.toNanos();
		int rows = mailLog(mailKey);
		while (rows == 0 && System.nanoTime() < end) {
			Thread.sleep(50);
			rows = mailLog(mailKey);
		}
		return rows;
	}

	private int mailLog(String mailKey) {
		return this.jdbc.sql("select count(*) from lc_mail_log where mail_key = ?")
			.param(mailKey)
			.query(Integer.class)
			.single();
	}

	private static MimeMessage onlyMail() {
		MimeMessage[] received = mailServer.getReceivedMessages();
		assertThat(received).as("mail received").hasSize(1);
		return received[0];
	}

	/** The decoded text of the first part of that type, however deep it is nested. */
	private static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = part(multipart.getBodyPart(i), type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

}
