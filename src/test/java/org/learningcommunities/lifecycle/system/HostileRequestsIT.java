package org.learningcommunities.lifecycle.system;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.progress.CalendarService;
import org.learningcommunities.lifecycle.progress.Viewer;
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
 * Hostile requests found by hand against the demo, one test each: what the engine
 * deserializes, how large a body the webapps' engine API reads, how far ahead a meeting
 * may lie and what the calendar feed makes of it, and what an error answer of the
 * engine's APIs shows. (Bad values of the public application are in {@link BadInputIT}, a
 * repeated application in {@code CandidateAdmissionIT}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
				"spring.datasource.url=jdbc:h2:mem:hostile-requests-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class HostileRequestsIT {

	private static final String ADMIN = "admin";

	private static final String MANAGER = EstablishmentSteps.MANAGER;

	private static final String LEADER = EstablishmentSteps.LEADER;

	/** What only the engine's inside says. */
	private static final List<String> ENGINE_WORDS = List.of("ENGINE-", "Exception", "java.", "org.camunda", "\tat ",
			"NullPointer");

	/** The error types of the REST API that clients test for. */
	private static final List<String> DOCUMENTED_TYPES = List.of("InvalidRequestException", "AuthorizationException",
			"OptimisticLockingException", "ConflictException", "ServerError");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private RuntimeService runtime;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private CalendarService calendars;

	private LifecycleRestClient client;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
	}

	@Test
	void aSerializedObjectOfAnUnexpectedClassIsNeverDeserialized() {
		String code = "hostile-object-2026";
		start(code);
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey("community-lifecycle")
			.singleResult()
			.getId();
		Map<String, Object> variable = Map.of("type", "Object", "value", "\"http://attacker.example.org/\"",
				"valueInfo", Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));

		ResponseEntity<String> written = exchange(ADMIN, HttpMethod.PUT,
				"/engine-rest/process-instance/" + instance + "/variables/probe", variable);
		ResponseEntity<String> read = exchange(ADMIN, HttpMethod.GET,
				"/engine-rest/process-instance/" + instance + "/variables/probe", null);

		// then: never turned into an instance of that class, whether refused on writing
		// or on reading
		assertThat(written.getStatusCode().is2xxSuccessful() && read.getStatusCode().is2xxSuccessful())
			.as("written %s, read %s", written, read)
			.isFalse();
		assertThat(read.getBody()).doesNotContain("attacker.example.org");
	}

	@Test
	void largeBodiesToTheWebappsEngineApiAreRefusedBeforeTheyAreRead() {
		String body = "{\"variables\":{\"needs\":{\"value\":\"" + "x".repeat(1024 * 1024) + "\"}}}";

		ResponseEntity<String> answer = exchange(null, HttpMethod.POST,
				"/camunda/api/engine/engine/default/task/any-task/submit-form", body);

		assertThat(answer.getStatusCode().value()).isEqualTo(413);
		assertThat(answer.getBody()).contains("larger than").hasSizeLessThan(300);
	}

	@Test
	void aMeetingInYear9999IsRefusedAndAStoredOneLeavesTheCalendarFeedValid() throws Exception {
		String code = "far-meeting-2026";
		start(code);

		// when: the leader schedules a meeting on 9999-12-31
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("meetingDate", "9999-12-31");
		meeting.put("topic", "The end of time");
		meeting.put("host", "Lod");
		Answer refused = this.client.post(LEADER, "/api/communities/" + code + "/meetings", meeting);

		// then: refused naming the field
		assertThat(refused.status().value()).as("%s", refused).isEqualTo(400);
		assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("meetingDate");

		// and: one stored before dates were bounded does not break the community's feed
		this.jdbc
			.sql("""
					insert into lc_meeting (community_id, seq, meeting_date, topic, host, is_online, is_seminar, status, stage,
					    created_at)
					select id, 99, ?, 'The end of time', 'Lod', false, false, 'PLANNED', 'ESTABLISHMENT', current_timestamp
					from lc_community where code = ?""")
			.params(java.sql.Date.valueOf(LocalDate.of(9999, 12, 31)), code)
			.update();
		String token = this.calendars.create(new Viewer(LEADER, Set.of(Groups.COMMUNITY_LEADERS)), code);
		String ics = this.calendars.feed(token).orElseThrow().ics();
		// a calendar client reads it: it parses, with the community's deadline and
		// without the meeting it cannot hold
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		assertThat(calendar.getComponents("VEVENT")).hasSize(1);
		assertThat(ics).doesNotContain("The end of time").doesNotContain("10000");
	}

	@Test
	void errorAnswersOfTheEngineApisShowNoEngineWords() throws Exception {
		// a deployment without a body, declared as a form upload or not (a
		// NullPointerException inside the engine)
		List<ResponseEntity<String>> answers = new ArrayList<>();
		for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=nothing", "")) {
			HttpHeaders headers = new HttpHeaders();
			headers.setBasicAuth(MANAGER, MANAGER);
			if (!type.isEmpty()) {
				headers.set(HttpHeaders.CONTENT_TYPE, type);
			}
			answers.add(this.rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(headers),
					String.class));
		}
		// a Java-serialized variable (ENGINE-17007)
		String task = this.client.task(LEADER, start("engine-words-2026"), EstablishmentProcess.MAP_NEEDS)
			.path("id")
			.asText();
		answers.add(exchange(LEADER, HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/probe",
				Map.of("type", "Object", "value", "rO0ABXQABHRlc3Q=", "valueInfo", Map.of("objectTypeName",
						"java.lang.String", "serializationDataFormat", "application/x-java-serialized-object"))));
		// a query parameter of the wrong type (names a Java type)
		answers.add(exchange(LEADER, HttpMethod.GET, "/engine-rest/task?dueBefore=someday", null));

		// then: a short message, and a type the REST API documents rather than an
		// exception class of the engine's inside
		for (ResponseEntity<String> answer : answers) {
			assertThat(answer.getStatusCode().isError()).as("%s", answer).isTrue();
			JsonNode error = JSON.readTree(answer.getBody());
			assertThat(error.path("message").asText()).as("%s", answer).isNotBlank().doesNotContain(ENGINE_WORDS);
			assertThat(error.path("type").asText()).as("%s", answer).isIn(DOCUMENTED_TYPES);
		}
		// and: a refused form keeps its own message, naming the field
		Answer form = this.client.submitTask(LEADER, task, Map.of("needs", 42));
		assertThat(form.status().value()).isEqualTo(400);
		assertThat(form.message()).contains("field 'needs'");
	}

	private String start(String code) {
		Answer started = this.client.startCommunity(MANAGER, code, EstablishmentSteps.startForm(code));
		assertThat(started.status().value()).as("%s", started).isEqualTo(200);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		return code;
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		return this.rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

}
