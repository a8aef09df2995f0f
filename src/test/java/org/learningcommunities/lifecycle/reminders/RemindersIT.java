package org.learningcommunities.lifecycle.reminders;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.TestMailServer;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders, escalations and meeting notices through the running application, with a real
 * SMTP server (GreenMail). The job executor is off: the test runs each timer and each
 * mail job itself ({@code POST /engine-rest/job/{id}/execute}), as an operator would in
 * Cockpit, after moving the engine's clock to the timer's due date (a reminder cycle
 * counts its next firing from the clock).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:reminders-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class RemindersIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TestMailServer smtp = new TestMailServer();

	private static final GreenMail mailServer = smtp.server();

	private static final String LEADER = "leader";

	private static final String ADMIN = "admin";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ManagementService management;

	@Autowired
	private RuntimeService runtime;

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
	void emptyMailboxes() throws Exception {
		if (!mailServer.isRunning()) {
			mailServer.start();
		}
		mailServer.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void leaderIsRemindedInHebrewThenTheProjectManagerGetsOneEscalationInEnglish() throws Exception {
		// given: a candidate waiting for screening
		String code = community("it-remind", "פיתוח כלכלי");
		String processInstance = admissionOf(code, apply(code, "Dana Levi", "dana@example.org"));
		JsonNode screening = task(LEADER, code, "screen-candidate");

		// when: the first reminder's time comes
		fire(processInstance, "screen-candidate-reminder");

		// then: nothing is mailed until the reminder's own job runs; then the leader gets
		// it
		// in Hebrew, with the community's name and a link to the task
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		run(processInstance, "remind-screen-candidate");
		MimeMessage reminder = onlyMail();
		assertThat(to(reminder)).containsExactly("leader@example.org");
		assertThat(reminder.getSubject()).isEqualTo("תזכורת: מיון מועמד/ת · פיתוח כלכלי");
		// the task's page in the workspace, at the address people reach the application
		// at
		String taskLink = "http://localhost:8080/tasks/" + screening.path("id").asText();
		assertThat(part(reminder, "text/html")).contains("dir=\"rtl\"", "שלום Lea,", "פיתוח כלכלי", taskLink);
		assertThat(part(reminder, "text/plain")).contains("זוהי תזכורת", taskLink);

		// when: the two other reminders go, then the escalation's time comes
		for (int i = 0; i < 2; i++) {
			fire(processInstance, "screen-candidate-reminder");
			run(processInstance, "remind-screen-candidate");
		}
		assertThat(timers(processInstance, "screen-candidate-reminder")).as("reminders left").isEmpty();
		fire(processInstance, "screen-candidate-overdue");
		run(processInstance, "escalate-screen-candidate");

		// then: three reminders to the leader, one escalation to the project manager, in
		// English; a follow-up task waits for the project managers
		List<MimeMessage> mail = Arrays.asList(mailServer.getReceivedMessages());
		assertThat(mail).hasSize(4);
		assertThat(mail.subList(0, 3)).allSatisfy((sent) -> assertThat(to(sent)).containsExactly("leader@example.org"));
		MimeMessage escalation = mail.get(3);
		assertThat(to(escalation)).containsExactly("manager@example.org");
		assertThat(escalation.getSubject()).isEqualTo("Overdue: Screen candidate · פיתוח כלכלי");
		assertThat(part(escalation, "text/plain")).contains("Dear Maya,", "Lea Community leader,",
				"still open after its reminders", taskLink);
		JsonNode followUp = task("manager", code, "follow-up-overdue-task");
		JsonNode form = read("manager", "/engine-rest/task/" + followUp.path("id").asText() + "/form-variables");
		assertThat(form.path("communityName").path("value").asText()).isEqualTo("פיתוח כלכלי");

		// when: the project manager notes what was done
		assertThat(submit("manager", followUp.path("id").asText(),
				Map.of("followUpNote", "Called Lea; she screens tomorrow"))
			.getStatusCode()
			.value()).isEqualTo(204);

		// then: it is kept; the leader's screening is still open
		assertThat(this.jdbc.sql("select note from lc_follow_up where community_code = ?")
			.param(code)
			.query(String.class)
			.single()).isEqualTo("Called Lea; she screens tomorrow");
		assertThat(task(LEADER, code, "screen-candidate").path("id").asText()).isEqualTo(screening.path("id").asText());
	}

	@Test
	void aScreeningDoneInTimeGetsNoMail() throws Exception {
		// given: a candidate waiting for screening, whose first reminder fired
		String code = community("it-in-time", "Digital transformation");
		String processInstance = admissionOf(code, apply(code, "Omar Haddad", "omar@example.org"));
		fire(processInstance, "screen-candidate-reminder");

		// when: the leader screens before the reminder's job ran, and it runs then
		screenOut(code);
		run(processInstance, "remind-screen-candidate");

		// then: no reminder, no timer of the screening left
		assertThat(mailServer.getReceivedMessages()).isEmpty();
		assertThat(timers(processInstance, "screen-candidate-reminder")).isEmpty();
		assertThat(timers(processInstance, "screen-candidate-overdue")).isEmpty();
	}

	@Test
	void mailServerDownThenUpSendsEachReminderOnce() throws Exception {
		// given: a reminder due while the mail server is down
		String code = community("it-down-up", "Education");
		String processInstance = admissionOf(code, apply(code, "Noa Cohen", "noa@example.org"));
		fire(processInstance, "screen-candidate-reminder");
		mailServer.stop();

		// when: its job runs
		String job = onlyJob(processInstance, "remind-screen-candidate");
		assertThat(execute(job).getStatusCode().is5xxServerError()).isTrue();

		// then: it failed and waits for a retry; nothing is logged as sent
		JsonNode failed = read(ADMIN, "/engine-rest/job/" + job);
		assertThat(failed.path("retries").asInt()).isPositive();
		assertThat(failed.path("exceptionMessage").asText()).isNotBlank();
		assertThat(sentLog("reminder:%")).isZero();

		// when: the server is back and the job runs again, twice
		mailServer.start();
		assertThat(execute(job).getStatusCode().value()).isEqualTo(204);

		// then: the reminder arrived once; the next reminder waits
		assertThat(onlyMail().getSubject()).isEqualTo("תזכורת: מיון מועמד/ת · Education");
		assertThat(sentLog("reminder:%")).isEqualTo(1);
		assertThat(timers(processInstance, "screen-candidate-reminder")).hasSize(1);
	}

	@Test
	void mailServerDownForGoodRaisesAnIncidentAndTheLeaderStillWorks() throws Exception {
		// given: a reminder due while the mail server is down for good
		String code = community("it-down", "Welfare");
		String processInstance = admissionOf(code, apply(code, "Yael Mizrahi", "yael@example.org"));
		fire(processInstance, "screen-candidate-reminder");
		mailServer.stop();

		// when: its job runs until its retries run out
		String job = onlyJob(processInstance, "remind-screen-candidate");
		for (int attempt = 0; attempt < 10
				&& read(ADMIN, "/engine-rest/job/" + job).path("retries").asInt() > 0; attempt++) {
			assertThat(execute(job).getStatusCode().is5xxServerError()).isTrue();
		}

		// then: an incident that Cockpit shows, on the reminder
		JsonNode incidents = read(ADMIN, "/engine-rest/incident?processInstanceId=" + processInstance);
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("remind-screen-candidate");
		assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedJob");

		// and: the leader's screening is accepted all the same
		screenOut(code);
		assertThat(tasks(LEADER, code, "screen-candidate")).isEmpty();
	}

	@Test
	void communityGetsTheNoticeWithAnInvitationThenTheMoveAndTheCancellation() throws Exception {
		// given: a community with an admitted member who reads English, and a meeting in
		// ten days
		String code = community("it-notice", "פיתוח כלכלי");
		admittedMember(code, "Omar Haddad", "omar@example.org", "en");
		LocalDate day = LocalDate.now().plusDays(10);
		ResponseEntity<String> scheduled = post(LEADER, "/api/communities/" + code + "/meetings", Map.of("meetingDate",
				day.toString(), "topic", "כלכלה מקומית", "host", "Lod", "online", false, "seminar", false));
		assertThat(scheduled.getStatusCode().value()).as("%s", scheduled).isEqualTo(201);
		long meetingId = json(scheduled).path("meetingId").asLong();
		String processInstance = meetingInstance(code);

		// when: a week before the day comes, and the notice's job runs
		fire(processInstance, "meeting-notice-due");
		run(processInstance, "send-meeting-notice");

		// then: the leader (Hebrew) and the member (English) each get the notice with an
		// invitation for the day
		List<MimeMessage> notices = Arrays.asList(mailServer.getReceivedMessages());
		assertThat(notices).hasSize(2);
		MimeMessage toMember = mailTo(notices, "omar@example.org");
		assertThat(toMember.getSubject()).startsWith("Community meeting on ").endsWith(": כלכלה מקומית");
		assertThat(part(toMember, "text/plain")).contains("Dear Omar Haddad,", "Where: Lod");
		VEvent invited = event(toMember, "REQUEST");
		assertThat(invited.getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(day.toString().replace("-", ""));
		assertThat(invited.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
		assertThat(mailTo(notices, "leader@example.org").getSubject()).startsWith("מפגש קהילה ב-");

		// when: the meeting moves a week later
		mailServer.purgeEmailFromAllMailboxes();
		LocalDate newDay = day.plusDays(7);
		assertThat(post(LEADER, "/api/communities/" + code + "/meetings/" + meetingId + "/move",
				Map.of("meetingDate", newDay.toString()))
			.getStatusCode()
			.value()).isEqualTo(204);
		run(processInstance, "send-meeting-update");

		// then: both get the new day, and the invitation replaces the event
		List<MimeMessage> updates = Arrays.asList(mailServer.getReceivedMessages());
		assertThat(updates).hasSize(2);
		MimeMessage moved = mailTo(updates, "omar@example.org");
		assertThat(moved.getSubject()).startsWith("Meeting moved: כלכלה מקומית is now on ");
		VEvent update = event(moved, "REQUEST");
		assertThat(update.getProperty(Property.UID).orElseThrow().getValue())
			.isEqualTo(invited.getProperty(Property.UID).orElseThrow().getValue());
		assertThat(update.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
		assertThat(update.getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(newDay.toString().replace("-", ""));

		// when: it is cancelled
		mailServer.purgeEmailFromAllMailboxes();
		assertThat(post(LEADER, "/api/communities/" + code + "/meetings/" + meetingId + "/cancel",
				Map.of("reason", "The hall is closed"))
			.getStatusCode()
			.value()).isEqualTo(204);
		run(processInstance, "send-cancellation-in-planning");

		// then: the cancellation removes it from their calendars
		List<MimeMessage> cancellations = Arrays.asList(mailServer.getReceivedMessages());
		assertThat(cancellations).hasSize(2);
		MimeMessage cancelled = mailTo(cancellations, "omar@example.org");
		assertThat(cancelled.getSubject()).startsWith("Meeting cancelled: כלכלה מקומית on ");
		assertThat(part(cancelled, "text/plain")).contains("Why: The hall is closed");
		VEvent removed = event(cancelled, "CANCEL");
		assertThat(removed.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("2");
	}

	// set-up
	// ----------------------------------------------------------------------------------------------------

	/** A community in year one with an open call, as establishment leaves it. */
	private String community(String code, String name) {
		Timestamp now = Timestamp.from(Instant.now());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, ?, 'Local government', 'leader', 'Ministry of Interior', 'foundation', 'ministry', ?, 35,
				    'YEAR_ONE', ?)""").params(code, name, LocalDate.now(), now).update(keys, "id");
		long communityId = keys.getKey().longValue();
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				values (?, 1, 'Join the community', 'Senior managers', ?, 'OPEN', 'leader', ?)""")
			.params(communityId, LocalDate.now().plusDays(30), now)
			.update();
		return code;
	}

	private void admittedMember(String code, String fullName, String email, String language) {
		this.jdbc.sql("""
				insert into lc_candidate (community_id, call_id, full_name, email, authority, role, region, language,
				    status, applied_at, decided_at)
				select c.id, l.id, ?, ?, 'Lod', 'Head of economic development', 'center', ?, 'ADMITTED', ?, ?
				from lc_community c join lc_call l on l.community_id = c.id where c.code = ?""")
			.params(fullName, email, language, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()), code)
			.update();
	}

	private long apply(String code, String fullName, String email) throws IOException {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("fullName", fullName);
		application.put("email", email);
		application.put("authority", "Lod");
		application.put("role", "Head of economic development");
		application.put("region", "center");
		application.put("language", "he");
		application.put("privacyNoticeAccepted", true);
		ResponseEntity<String> applied = this.rest.exchange("/api/communities/" + code + "/applications",
				HttpMethod.POST, new HttpEntity<>(application, jsonHeaders()), String.class);
		assertThat(applied.getStatusCode().value()).as("%s", applied).isEqualTo(201);
		return json(applied).path("candidateId").asLong();
	}

	private void screenOut(String code) throws IOException {
		ResponseEntity<String> screened = submit(LEADER, task(LEADER, code, "screen-candidate").path("id").asText(),
				Map.of("partnersConsulted", true, "screeningDecision", "screen-out", "screeningNotes",
						"Outside the agreed regions"));
		assertThat(screened.getStatusCode().value()).as("%s", screened).isEqualTo(204);
	}

	private String admissionOf(String code, long candidateId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("candidate-admission")
			.processInstanceBusinessKey(code)
			.variableValueEquals("candidateId", candidateId)
			.singleResult()
			.getId();
	}

	private String meetingInstance(String code) throws IOException {
		JsonNode instances = read(ADMIN,
				"/engine-rest/process-instance?processDefinitionKey=community-meeting&businessKey=" + code);
		assertThat(instances).hasSize(1);
		return instances.get(0).path("id").asText();
	}

	// jobs
	// -----------------------------------------------------------------------------------------------------

	/** Runs the timer of the activity as the job executor would at its due time. */
	private void fire(String processInstance, String timerActivity) {
		List<Job> timers = timers(processInstance, timerActivity);
		assertThat(timers).as("timer %s", timerActivity).hasSize(1);
		ClockUtil.setCurrentTime(new Date(timers.get(0).getDuedate().getTime() + 1000));
		assertThat(execute(timers.get(0).getId()).getStatusCode().value()).isEqualTo(204);
	}

	/** Runs the one job of the activity; it must succeed. */
	private void run(String processInstance, String activityId) {
		ResponseEntity<String> executed = execute(onlyJob(processInstance, activityId));
		assertThat(executed.getStatusCode().value()).as("job of %s: %s", activityId, executed).isEqualTo(204);
	}

	private List<Job> timers(String processInstance, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(processInstance)
			.timers()
			.activityId(activityId)
			.list();
	}

	private String onlyJob(String processInstance, String activityId) {
		List<Job> jobs = this.management.createJobQuery()
			.processInstanceId(processInstance)
			.activityId(activityId)
			.list();
		assertThat(jobs).as("jobs of %s", activityId).hasSize(1);
		return jobs.get(0).getId();
	}

	private ResponseEntity<String> execute(String jobId) {
		return post(ADMIN, "/engine-rest/job/" + jobId + "/execute", null);
	}

	private int sentLog(String keyPattern) {
		return this.jdbc.sql("select count(*) from lc_mail_log where mail_key like ?")
			.param(keyPattern)
			.query(Integer.class)
			.single();
	}

	// HTTP
	// -------------------------------------------------------------------------------------------------------

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

	private ResponseEntity<String> submit(String user, String taskId, Map<String, Object> form) {
		Map<String, Object> variables = new LinkedHashMap<>();
		form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
		return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
	}

	private JsonNode read(String user, String path) throws IOException {
		ResponseEntity<String> answer = this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(user)),
				String.class);
		assertThat(answer.getStatusCode().value()).as("GET %s: %s", path, answer).isEqualTo(200);
		return json(answer);
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		HttpHeaders headers = signedIn(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	private static HttpHeaders signedIn(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return headers;
	}

	private static HttpHeaders jsonHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static JsonNode json(ResponseEntity<String> answer) throws IOException {
		return (answer.getBody() == null) ? MissingNode.getInstance() : JSON.readTree(answer.getBody());
	}

	// mail
	// -------------------------------------------------------------------------------------------------------

	private static MimeMessage onlyMail() {
		MimeMessage[] received = mailServer.getReceivedMessages();
		assertThat(received).as("mail received").hasSize(1);
		return received[0];
	}

	private static List<String> to(MimeMessage mail) throws MessagingException {
		return Arrays.stream(mail.getRecipients(RecipientType.TO)).map(Object::toString).toList();
	}

	private static MimeMessage mailTo(List<MimeMessage> mail, String address) throws MessagingException {
		for (MimeMessage sent : mail) {
			if (to(sent).contains(address)) {
				return sent;
			}
		}
		throw new AssertionError("No mail to " + address);
	}

	/**
	 * The attached invitation, parsed by ical4j: valid, with the method and one event.
	 */
	private static VEvent event(MimeMessage mail, String method) throws Exception {
		BodyPart attachment = attachment(mail, "invitation.ics");
		assertThat(attachment).as("invitation attached").isNotNull();
		assertThat(attachment.getContentType()).startsWith("text/calendar");
		String ics = new String(attachment.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.validate().hasErrors()).as("%s", calendar.validate()).isFalse();
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo(method);
		return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
	}

	private static BodyPart attachment(Part part, String fileName) throws MessagingException, IOException {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (fileName.equals(body.getFileName())) {
					return body;
				}
				BodyPart nested = attachment(body, fileName);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
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
