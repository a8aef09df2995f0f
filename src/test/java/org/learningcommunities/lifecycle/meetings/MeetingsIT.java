package org.learningcommunities.lifecycle.meetings;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

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

/**
 * A meeting's journey through HTTP, as the leader and an operator meet it: scheduled
 * through {@code /api}, its tasks completed through the engine REST API's
 * {@code submit-form}, moved, its day's timer run by hand ({@code POST
 * /engine-rest/job/{id}/execute}, as an operator would in Cockpit: the job executor is
 * off), held; and meetings cancelled or refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:meetings-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class MeetingsIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** How the engine REST API writes dates. */
	private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final String LEADER = "leader";

	private static final String PARTNER = "foundation";

	private static final String ADMIN = "admin";

	private static final String GOOD_AGENDA = """
			א׳ 09:00-10:00 פתיחה: צ'ק-אין ואקטואליה
			B 10:00-13:00 professional content: a lecture on income-producing assets, then peer learning
			Part C: 13:30-15:30 product lab at work tables""";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void meetingPlannedMovedAndHeldEndsWithItsKnowledgeProduct() throws Exception {
		// given: a community in year one
		String code = community("it-meeting-held");
		LocalDate day = LocalDate.now().plusDays(30);

		// when: the leader schedules a meeting
		ResponseEntity<String> scheduled = post(LEADER, meetings(code), newMeeting(day, "Lod"));

		// then: 201 with its id; the leader has the planning sheet
		assertThat(scheduled.getStatusCode().value()).as("%s", scheduled).isEqualTo(201);
		long meetingId = json(scheduled).path("meetingId").asLong();
		JsonNode sheet = task(code, "plan-meeting");
		assertThat(sheet.path("assignee").asText()).isEqualTo(LEADER);
		String instance = sheet.path("processInstanceId").asText();
		// the meeting carries its community's code, which Tasklist's filters show
		assertThat(read(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/communityCode").path("value")
			.asText()).isEqualTo(code);
		JsonNode sheetForm = read(LEADER, "/engine-rest/task/" + sheet.path("id").asText() + "/form-variables");
		assertThat(sheetForm.path("topic").path("value").asText()).isEqualTo("Income-producing assets");
		assertThat(sheetForm.path("meetingDate").path("value").asText()).isEqualTo(day.toString());

		// when: the agenda does not fit the day, then it does
		Map<String, Object> planningSheet = new LinkedHashMap<>(
				Map.of("professionalGoals", "Know the tools", "communityGoals", "Trust between members",
						"desiredProduct", "A one-pager of the tools", "agenda", "09:00 lecture\n12:00 lunch"));
		ResponseEntity<String> badAgenda = submit(sheet, planningSheet);
		planningSheet.put("agenda", GOOD_AGENDA);
		ResponseEntity<String> goodAgenda = submit(sheet, planningSheet);

		// then: the first is refused naming the agenda, the second stored
		assertThat(badAgenda.getStatusCode().value()).as("%s", badAgenda).isEqualTo(400);
		assertThat(json(badAgenda).path("message").asText()).contains("'agenda'").contains("does not fit the day");
		assertThat(goodAgenda.getStatusCode().value()).as("%s", goodAgenda).isEqualTo(204);
		assertThat(this.jdbc.sql("select agenda from lc_meeting where id = ?")
			.param(meetingId)
			.query(String.class)
			.single()).isEqualTo(GOOD_AGENDA);

		// when: the logistics are arranged
		assertThat(submit(task(code, "arrange-logistics"),
				Map.of("venue", "Lod city hall", "catering", "Lunch", "productionNotes", "Projector"))
			.getStatusCode()
			.value()).isEqualTo(204);

		// then: the meeting waits for its day
		JsonNode timer = onlyTimer(instance);
		assertThat(dueDate(timer)).isEqualTo(MeetingService.meetingDay(day).toInstant());

		// when: the meeting moves ten days later
		LocalDate newDay = day.plusDays(10);
		ResponseEntity<String> moved = post(LEADER, meetings(code) + "/" + meetingId + "/move",
				Map.of("meetingDate", newDay.toString()));

		// then: the timer waits for the new day; the update to whoever got the meeting's
		// notice (nobody yet) runs in a job of its own
		assertThat(moved.getStatusCode().value()).as("%s", moved).isEqualTo(204);
		JsonNode newTimer = onlyTimer(instance);
		JsonNode update = read(ADMIN,
				"/engine-rest/job?processInstanceId=" + instance + "&activityId=send-meeting-update");
		assertThat(update).hasSize(1);
		assertThat(
				post(ADMIN, "/engine-rest/job/" + update.get(0).path("id").asText() + "/execute", null).getStatusCode()
					.value())
			.isEqualTo(204);
		assertThat(dueDate(newTimer)).isEqualTo(MeetingService.meetingDay(newDay).toInstant());
		assertThat(meeting(code, meetingId).path("meetingDate").asText()).isEqualTo(newDay.toString());

		// when: the day comes (an administrator runs the timer), attendance and the
		// knowledge product are recorded
		ResponseEntity<String> fired = post(ADMIN, "/engine-rest/job/" + newTimer.path("id").asText() + "/execute",
				null);
		assertThat(fired.getStatusCode().value()).as("%s", fired).isEqualTo(204);
		ResponseEntity<String> tooMany = submit(task(code, "record-attendance"),
				Map.of("attendanceCount", 61, "satisfaction", 5));
		assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
		assertThat(json(tooMany).path("message").asText()).contains("'attendanceCount'");
		assertThat(submit(task(code, "record-attendance"),
				Map.of("attendanceCount", 32, "satisfaction", 5, "feedback", "The lab was the best part"))
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(submit(task(code, "write-knowledge-product"),
				Map.of("knowledgeProduct", "Five tools for income-producing assets", "productType", "one-pager"))
			.getStatusCode()
			.value()).isEqualTo(204);

		// then: the meeting was held; it can no longer move
		JsonNode held = meeting(code, meetingId);
		assertThat(held.path("status").asText()).isEqualTo("HELD");
		assertThat(held.path("attendanceCount").asInt()).isEqualTo(32);
		assertThat(held.path("satisfaction").asInt()).isEqualTo(5);
		endInItsOwnJob(instance, "meeting-held");
		assertThat(read(ADMIN, "/engine-rest/history/process-instance/" + instance).path("state").asText())
			.isEqualTo("COMPLETED");
		assertThat(post(LEADER, meetings(code) + "/" + meetingId + "/move",
				Map.of("meetingDate", newDay.plusDays(1).toString()))
			.getStatusCode()
			.value()).isEqualTo(409);
	}

	@Test
	void meetingsCancelledWhilePlannedOrWaitingForTheirDayStop() throws Exception {
		// given: one meeting being planned, another planned and waiting for its day
		String code = community("it-meeting-cancelled");
		long inPlanning = json(post(LEADER, meetings(code), newMeeting(LocalDate.now().plusDays(20), "Karmiel")))
			.path("meetingId")
			.asLong();
		long waiting = json(post(LEADER, meetings(code), newMeeting(LocalDate.now().plusDays(50), "online")))
			.path("meetingId")
			.asLong();
		List<JsonNode> sheets = tasks(code, "plan-meeting");
		assertThat(sheets).hasSize(2);
		JsonNode waitingSheet = sheets.stream()
			.filter((sheet) -> !sheet.path("processInstanceId").asText().equals(instanceOf(code, inPlanning)))
			.findFirst()
			.orElseThrow();
		assertThat(submit(waitingSheet,
				Map.of("professionalGoals", "g", "communityGoals", "g", "desiredProduct", "p", "agenda", GOOD_AGENDA))
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(submit(task(code, "arrange-logistics"), Map.of("venue", "Zoom")).getStatusCode().value())
			.isEqualTo(204);
		String waitingInstance = instanceOf(code, waiting);
		onlyTimer(waitingInstance);

		// when: a partner tries to cancel, then the leader cancels both
		ResponseEntity<String> byPartner = post(PARTNER, meetings(code) + "/" + inPlanning + "/cancel",
				Map.of("reason", "No"));
		ResponseEntity<String> first = post(LEADER, meetings(code) + "/" + inPlanning + "/cancel",
				Map.of("reason", "The host authority cannot host"));
		ResponseEntity<String> second = post(LEADER, meetings(code) + "/" + waiting + "/cancel", null);

		// then: only the leader may; both meetings stop, nothing is left to do
		assertThat(byPartner.getStatusCode().value()).isEqualTo(403);
		assertThat(first.getStatusCode().value()).as("%s", first).isEqualTo(204);
		assertThat(second.getStatusCode().value()).as("%s", second).isEqualTo(204);
		JsonNode cancelled = meeting(code, inPlanning);
		assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("cancelReason").asText()).isEqualTo("The host authority cannot host");
		assertThat(meeting(code, waiting).path("status").asText()).isEqualTo("CANCELLED");
		assertThat(tasks(code, "plan-meeting")).isEmpty();
		// the meeting day's timer is gone; the job that tells the community waits (the
		// instance, and the timer of its notice, end with it)
		assertThat(read(ADMIN,
				"/engine-rest/job?processInstanceId=" + waitingInstance + "&activityId=meeting-day-arrived"))
			.isEmpty();
		assertThat(
				read(ADMIN, "/engine-rest/job?processInstanceId=" + waitingInstance + "&activityId=send-cancellation"))
			.hasSize(1);
		runJob(waitingInstance, "send-cancellation");
		endInItsOwnJob(waitingInstance, "meeting-cancelled-end");
		assertThat(read(ADMIN, "/engine-rest/job?processInstanceId=" + waitingInstance)).isEmpty();
		assertThat(post(LEADER, meetings(code) + "/" + inPlanning + "/cancel", null).getStatusCode().value())
			.isEqualTo(409);
		assertThat(post(LEADER, meetings(code) + "/" + waiting + "/move",
				Map.of("meetingDate", LocalDate.now().plusDays(60).toString()))
			.getStatusCode()
			.value()).isEqualTo(409);
	}

	@Test
	void meetingInThePastOrWithoutTopicIsRefusedNamingTheFields() throws Exception {
		String code = community("it-meeting-refused");
		Map<String, Object> bad = newMeeting(LocalDate.now().minusDays(1), "Lod");
		bad.remove("topic");

		ResponseEntity<String> refused = post(LEADER, meetings(code), bad);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		List<String> fields = new ArrayList<>();
		json(refused).path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		assertThat(fields).containsExactly("meetingDate", "topic");
		assertThat(read(LEADER, meetings(code))).isEmpty();
		assertThat(tasks(code, "plan-meeting")).isEmpty();
		assertThat(
				post(LEADER, meetings("no-such-community"), newMeeting(LocalDate.now(), "Lod")).getStatusCode().value())
			.isEqualTo(404);
		assertThat(post(LEADER, meetings(code) + "/999/cancel", null).getStatusCode().value()).isEqualTo(404);
	}

	// set-up
	// -----------------------------------------------------------------------------------------------------

	private String community(String code) {
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, 'פיתוח כלכלי', 'Economic development', 'leader', 'Ministry of Interior', 'foundation',
				    'ministry', ?, 35, 'YEAR_ONE', ?)""")
			.params(code, LocalDate.now(), Timestamp.from(Instant.now()))
			.update();
		return code;
	}

	private static Map<String, Object> newMeeting(LocalDate day, String host) {
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("meetingDate", day.toString());
		meeting.put("topic", "Income-producing assets");
		meeting.put("host", host);
		meeting.put("online", "online".equals(host));
		meeting.put("seminar", false);
		return meeting;
	}

	// HTTP
	// -------------------------------------------------------------------------------------------------------

	private static String meetings(String code) {
		return "/api/communities/" + code + "/meetings";
	}

	private JsonNode meeting(String code, long meetingId) throws IOException {
		for (JsonNode meeting : read(LEADER, meetings(code))) {
			if (meeting.path("meetingId").asLong() == meetingId) {
				return meeting;
			}
		}
		throw new AssertionError("No meeting " + meetingId + " listed in " + code);
	}

	private String instanceOf(String code, long meetingId) {
		ResponseEntity<String> answer = post(ADMIN, "/engine-rest/process-instance",
				Map.of("processDefinitionKey", "community-meeting", "businessKey", code, "variables",
						List.of(Map.of("name", "meetingId", "operator", "eq", "value", meetingId))));
		try {
			JsonNode instances = json(answer);
			assertThat(instances).as("instances of meeting %s: %s", meetingId, answer).hasSize(1);
			return instances.get(0).path("id").asText();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private List<JsonNode> tasks(String code, String taskKey) throws IOException {
		List<JsonNode> tasks = new ArrayList<>();
		read(LEADER, "/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + taskKey)
			.forEach(tasks::add);
		return tasks;
	}

	private JsonNode task(String code, String taskKey) throws IOException {
		List<JsonNode> tasks = tasks(code, taskKey);
		assertThat(tasks).as("open %s tasks of %s", taskKey, code).hasSize(1);
		return tasks.get(0);
	}

	private ResponseEntity<String> submit(JsonNode task, Map<String, Object> form) {
		Map<String, Object> variables = new LinkedHashMap<>();
		form.forEach((key, value) -> variables.put(key, Map.of("value", value)));
		return post(LEADER, "/engine-rest/task/" + task.path("id").asText() + "/submit-form",
				Map.of("variables", variables));
	}

	/**
	 * A meeting ends in a job of its own (it tells the waiting stage): runs it, as the
	 * job executor would.
	 */
	private void endInItsOwnJob(String instance, String endEvent) throws IOException {
		JsonNode jobs = read(ADMIN, "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + endEvent);
		assertThat(jobs).as("the end job of %s", instance).hasSize(1);
		assertThat(jobs.get(0).path("dueDate").isNull()).as("due at once").isTrue();
		runJob(instance, endEvent);
	}

	private void runJob(String instance, String activityId) throws IOException {
		JsonNode jobs = read(ADMIN, "/engine-rest/job?processInstanceId=" + instance + "&activityId=" + activityId);
		assertThat(jobs).as("the job of %s in %s", activityId, instance).hasSize(1);
		assertThat(post(ADMIN, "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute", null).getStatusCode()
			.value()).as("job of %s", activityId).isEqualTo(204);
	}

	private JsonNode onlyTimer(String instance) throws IOException {
		JsonNode timers = read(ADMIN,
				"/engine-rest/job?processInstanceId=" + instance + "&timers=true&activityId=meeting-day-arrived");
		assertThat(timers).as("timers of the day of %s", instance).hasSize(1);
		return timers.get(0);
	}

	private static Instant dueDate(JsonNode job) {
		return OffsetDateTime.parse(job.path("dueDate").asText(), ENGINE_DATE).toInstant();
	}

	/** GET that must answer 200, as JSON. */
	private JsonNode read(String user, String path) throws IOException {
		ResponseEntity<String> answer = this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(user)),
				String.class);
		assertThat(answer.getStatusCode().value()).as("GET %s as %s: %s", path, user, answer).isEqualTo(200);
		return json(answer);
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		return this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, signedIn(user)), String.class);
	}

	private static HttpHeaders signedIn(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, user);
		return headers;
	}

	private static JsonNode json(ResponseEntity<String> answer) throws IOException {
		return (answer.getBody() != null) ? JSON.readTree(answer.getBody()) : MissingNode.getInstance();
	}

}
