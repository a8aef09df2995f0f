package org.learningcommunities.lifecycle.system;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.LifecycleRestClient.with;
import static org.learningcommunities.lifecycle.LifecycleRestClient.without;

/**
 * The bad-input suite: requests a client may send around the browser, over the
 * application's API, the forms ({@code submit-form} of the engine REST API: a task's form
 * and the lifecycle's start form) and the public application endpoint. Each case must be
 * refused with the right status and name the field; afterwards the database is as it was
 * (the row count of every {@code lc_} table, the open tasks, the process instances) and
 * the tasks are still open. Hostile values that are valid (markup, SQL) are stored as
 * plain text and shown escaped. Prints the number of cases.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
				"lifecycle.limits.applications.per-period=1000",
				"spring.datasource.url=jdbc:h2:mem:bad-input-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class BadInputIT {

	private static final String MANAGER = EstablishmentSteps.MANAGER;

	private static final String LEADER = EstablishmentSteps.LEADER;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private RuntimeService runtime;

	private LifecycleRestClient client;

	private final List<String> failures = new ArrayList<>();

	private int cases;

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
	}

	@Test
	void everyBadInputIsRefusedNamingItsFieldAndNothingChanges(CapturedOutput output) {
		// given: a community with the leader's task open, an open call and one candidate
		String code = "bad-input-2026";
		start(code);
		String mapNeeds = this.client.task(LEADER, code, EstablishmentProcess.MAP_NEEDS).path("id").asText();
		openCall(code);
		Answer applied = this.client.post(null, applications(code), application());
		assertThat(applied.status().value()).as("%s", applied).isEqualTo(201);
		long candidate = applied.body().path("candidateId").asLong();
		String screening = this.client.task(LEADER, code, "screen-candidate").path("id").asText();
		Map<String, Long> before = rowCounts();
		long instancesBefore = this.runtime.createProcessInstanceQuery().count();

		// the public application endpoint (no login)
		String apply = applications(code);
		publicCase(apply, Map.of(), 400, "fullName");
		publicCase(apply, without(application(), "email"), 400, "email");
		publicCase(apply, with(application(), "email", "not-an-email"), 400, "email");
		publicCase(apply, with(application(), "email", "dana@example.org\r\nBcc: all@example.org"), 400, "email");
		publicCase(apply, with(application(), "region", "mars"), 400, "region");
		publicCase(apply, with(application(), "sector", "pirates"), 400, "sector");
		publicCase(apply, with(application(), "gender", "unknown-value"), 400, "gender");
		publicCase(apply, with(application(), "language", "fr"), 400, "language");
		publicCase(apply, with(application(), "seniorityYears", "ten"), 400, "seniorityYears");
		publicCase(apply, with(application(), "seniorityYears", 99), 400, "seniorityYears");
		publicCase(apply, with(application(), "fullName", "x".repeat(201)), 400, "fullName");
		publicCase(apply, with(application(), "motivation", "x".repeat(4001)), 400, "motivation");
		publicCase(apply, with(application(), "isAdmin", true), 400, "isAdmin");
		publicCase(apply, List.of("not", "an", "object"), 400, "body");
		publicCase(apply, "just text", 400, "body");
		publicCase(apply, with(application(), "motivation", "x".repeat(20_000)), 413, null);
		publicCase(applications("no-such-community"), application(), 404, null);
		// characters that hide or disguise text, and values of the wrong JSON type
		publicCase(apply, with(application(), "fullName", "Dana\u0000Levi"), 400, "fullName");
		publicCase(apply, with(application(), "authority", "Lod\u0007"), 400, "authority");
		publicCase(apply, with(application(), "fullName", "Dana\nLevi"), 400, "fullName");
		publicCase(apply, with(application(), "fullName", "\u202EiveL anaD"), 400, "fullName");
		publicCase(apply, with(application(), "role", "Head\u2067 of"), 400, "role");
		publicCase(apply, with(application(), "fullName", "\u200B\u200B\u200B"), 400, "fullName");
		publicCase(apply, with(application(), "motivation", "\u200B\u2060\uFEFF"), 400, "motivation");
		publicCase(apply, with(application(), "fullName", 42), 400, "fullName");
		publicCase(apply, with(application(), "authority", true), 400, "authority");
		publicCase(apply, with(application(), "role", Map.of("an", "object")), 400, "role");
		publicCase(apply, with(application(), "region", List.of("center")), 400, "region");
		publicCase(apply, with(application(), "seniorityYears", 5.5), 400, "seniorityYears");
		publicCase(apply, with(application(), "email", "<script>alert(1)</script>@example.org"), 400, "email");
		publicCase(apply, with(application(), "email", "dana@<b>example</b>.org"), 400, "email");

		// the application's API, as the leader
		String meetings = "/api/communities/" + code + "/meetings";
		apiCase(meetings, Map.of(), 400, "meetingDate");
		apiCase(meetings, meeting(LocalDate.now().minusDays(1).toString()), 400, "meetingDate");
		apiCase(meetings, meeting("not-a-date"), 400, "meetingDate");
		apiCase(meetings, with(meeting(LocalDate.now().plusDays(30).toString()), "topic", ""), 400, "topic");
		apiCase(meetings, with(meeting(LocalDate.now().plusDays(30).toString()), "topic", "x".repeat(100_000)), 400,
				"topic");
		apiCase(meetings, with(meeting(LocalDate.now().plusDays(30).toString()), "agendaOverride", "x"), 400,
				"agendaOverride");
		apiCase(meetings, with(meeting(LocalDate.now().plusDays(30).toString()), "online", "perhaps"), 400, "online");
		apiCase(meetings, "[1, 2", 400, "body");
		apiCase(meetings, with(meeting(LocalDate.now().plusDays(30).toString()), "topic", "x".repeat(300_000)), 413,
				null);
		String soon = LocalDate.now().plusDays(30).toString();
		apiCase(meetings, with(meeting(soon), "topic", "Assets\u0000"), 400, "topic");
		apiCase(meetings, with(meeting(soon), "topic", "\u202Estessa"), 400, "topic");
		apiCase(meetings, with(meeting(soon), "topic", "\u200B"), 400, "topic");
		apiCase(meetings, with(meeting(soon), "topic", 7), 400, "topic");
		apiCase(meetings, with(meeting(soon), "host", List.of("Lod")), 400, "host");
		apiCase(meetings, meeting("9999-12-31"), 400, "meetingDate");
		apiCase(meetings, meeting(LocalDate.now().plusYears(6).toString()), 400, "meetingDate");
		String withdrawal = "/api/communities/" + code + "/candidates/" + candidate + "/withdrawal";
		apiCase(withdrawal, Map.of("reason", "\u200B\u200C"), 400, "reason");
		apiCase(withdrawal, Map.of("reason", 12), 400, "reason");
		apiCase(withdrawal, Map.of("reason", Map.of("nested", "object")), 400, "reason");
		apiCase(withdrawal, Map.of("reason", "x".repeat(5000)), 400, "reason");
		apiCase("/api/communities/" + code + "/meetings/999999/move", Map.of("meetingDate", "2026-02-30"), 400,
				"meetingDate");

		// a task's form over the engine REST API, as the leader
		Map<String, Object> needs = EstablishmentSteps.needs();
		formCase(mapNeeds, Map.of(), "dataSources");
		formCase(mapNeeds, without(needs, "needs"), "needs");
		formCase(mapNeeds, with(needs, "needs", "   "), "needs");
		formCase(mapNeeds, with(needs, "dataSources", "x".repeat(4001)), "dataSources");
		formCase(mapNeeds, with(needs, "needs", 42), "needs");
		formCase(mapNeeds, with(needs, "needs", true), "needs");
		formCase(mapNeeds, with(needs, "needs", List.of("a", "list")), "needs");
		formCase(mapNeeds, with(needs, "leader", "someone-else"), "leader");
		formCase(mapNeeds, with(needs, "approvedBudget", 1_000_000), "approvedBudget");
		formCase(mapNeeds, with(with(needs, "extraOne", "x"), "extraTwo", "y"), "extraOne");
		formCase(mapNeeds, with(needs, "needs", "Roads\u0000"), "needs");
		formCase(mapNeeds, with(needs, "needs", "\u202Esdaor"), "needs");
		formCase(mapNeeds, with(needs, "needs", "\u200B\u200B"), "needs");
		formCase(mapNeeds, with(needs, "needs", Map.of("an", "object")), "needs");
		Map<String, Object> screen = new LinkedHashMap<>(
				Map.of("partnersConsulted", true, "screeningDecision", "interview"));
		formCase(screening, with(screen, "screeningDecision", "maybe"), "screeningDecision");
		formCase(screening, with(screen, "partnersConsulted", "yes please"), "partnersConsulted");
		formCase(screening, with(screen, "candidateId", 1), "candidateId");
		this.cases++;
		Answer huge = this.client.submitTask(LEADER, mapNeeds, with(needs, "needs", "x".repeat(300_000)));
		check("form of map-needs with a body over the limit", huge.status().value() == 413, huge);

		// the lifecycle's start form, as the project manager
		Map<String, Object> startForm = EstablishmentSteps.startForm("bad-start-2026");
		startCase(with(startForm, "targetSize", 45), "targetSize");
		startCase(with(startForm, "targetSize", "thirty"), "targetSize");
		startCase(with(startForm, "targetSize", 35.5), "targetSize");
		startCase(with(startForm, "code", "Bad Code!"), "code");
		startCase(with(startForm, "leader", "nobody"), "leader");
		startCase(with(startForm, "ministryRep", EstablishmentSteps.FOUNDATION), "ministryRep");
		startCase(with(startForm, "plannedStart", "31/12/2026"), "plannedStart");
		startCase(with(startForm, "name", "x".repeat(10_000)), "name");
		startCase(with(startForm, "isAdmin", true), "isAdmin");
		startCase(without(startForm, "name"), "name");
		startCase(with(startForm, "name", "Econ\u202Eved"), "name");
		startCase(with(startForm, "name", "\u200B"), "name");
		startCase(with(startForm, "name", 2026), "name");
		startCase(with(startForm, "plannedStart", "9999-12-31"), "plannedStart");

		// then: nothing was stored, the tasks are still open, nothing started
		this.cases++;
		check("row counts of the lc_ tables", rowCounts().equals(before), rowCounts() + " was " + before);
		this.cases++;
		check("process instances", this.runtime.createProcessInstanceQuery().count() == instancesBefore, "");
		this.cases++;
		check("map-needs still open", this.client.get(LEADER, "/engine-rest/task/" + mapNeeds).status().value() == 200,
				"");
		this.cases++;
		check("screen-candidate still open",
				this.client.get(LEADER, "/engine-rest/task/" + screening).status().value() == 200, "");
		// and each refused form is one WARN line, not an engine ERROR with a stack trace
		this.cases++;
		check("refused forms logged as one WARN line", output.getOut().contains("Refused form of task map-needs")
				&& !output.getOut().contains("ENGINE-16004 Exception while closing command context: Invalid form"), "");

		System.out.println("bad-input suite: " + this.cases + " cases, " + this.failures.size() + " failed");
		assertThat(this.failures).isEmpty();
		assertThat(this.cases).isGreaterThanOrEqualTo(85);
	}

	@Test
	void markupAndSqlInTextAreStoredAsTextAndShownEscaped() {
		// given: a community whose name and a form carry markup and SQL
		String code = "hostile-text-2026";
		String name = "<script>alert('x')</script> Community";
		Answer started = this.client.startCommunity(MANAGER, code,
				with(EstablishmentSteps.startForm(code), "name", name));
		assertThat(started.status().value()).as("%s", started).isEqualTo(200);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
		String sql = "'; drop table lc_community; -- <img src=x onerror=alert(1)>";

		// when
		this.client.complete(LEADER, code, EstablishmentProcess.MAP_NEEDS,
				with(EstablishmentSteps.needs(), "needs", sql));
		openCall(code);

		// then: stored as sent, the tables intact, and the public page shows it as text
		assertThat(this.jdbc
			.sql("select needs from lc_needs_mapping n join lc_community c on c.id = n.community_id "
					+ "where c.code = ?")
			.param(code)
			.query(String.class)
			.single()).isEqualTo(sql);
		assertThat(
				this.jdbc.sql("select name from lc_community where code = ?").param(code).query(String.class).single())
			.isEqualTo(name);
		ResponseEntity<String> page = this.rest.getForEntity("/apply/" + code + "?lang=en", String.class);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert('x')");
	}

	private void publicCase(String path, Object body, int status, String field) {
		apiCaseAs(null, path, body, status, field);
	}

	private void apiCase(String path, Object body, int status, String field) {
		apiCaseAs(LEADER, path, body, status, field);
	}

	private void apiCaseAs(String user, String path, Object body, int status, String field) {
		this.cases++;
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		Object sent = (body instanceof String text) ? text : body;
		ResponseEntity<JsonNode> answer = this.rest.exchange(path, HttpMethod.POST, new HttpEntity<>(sent, headers),
				JsonNode.class);
		JsonNode problem = answer.getBody();
		boolean named = field == null
				|| (problem != null && (problem.path("errors").findValuesAsText("field").contains(field)
						|| problem.path("detail").asText().contains("'" + field + "'")));
		check("POST " + path + " " + abbreviated(sent), answer.getStatusCode().value() == status && named,
				answer.getStatusCode() + " " + problem + " (expected " + status + " naming " + field + ")");
	}

	private void formCase(String taskId, Map<String, Object> form, String field) {
		this.cases++;
		Answer answer = this.client.submitTask(LEADER, taskId, form);
		check("submit-form " + abbreviated(form),
				answer.status().value() == 400 && answer.message().contains("field '" + field + "'"),
				answer + " (expected 400 naming " + field + ")");
	}

	private void startCase(Map<String, Object> form, String field) {
		this.cases++;
		Answer answer = this.client.startCommunity(MANAGER, null, form);
		check("start form " + abbreviated(form),
				answer.status().value() == 400 && answer.message().contains("field '" + field + "'"),
				answer + " (expected 400 naming " + field + ")");
	}

	private void check(String what, boolean passed, Object detail) {
		if (!passed) {
			this.failures.add(what + ": " + abbreviated(detail));
		}
	}

	private static String abbreviated(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private void start(String code) {
		Answer started = this.client.startCommunity(MANAGER, code, EstablishmentSteps.startForm(code));
		assertThat(started.status().value()).as("%s", started).isEqualTo(200);
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());
	}

	/** A call opened as year one's draft-call would. */
	private void openCall(String code) {
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
				select id, 1, 'Join us', 'Officers', ?, 'OPEN', leader_id, ? from lc_community where code = ?""")
			.params(Date.valueOf(LocalDate.now().plusDays(30)), Timestamp.from(Instant.now()), code)
			.update();
	}

	private static String applications(String code) {
		return "/api/communities/" + code + "/applications";
	}

	private static Map<String, Object> application() {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("fullName", "Dana Levi");
		application.put("email", "dana-0@example.org");
		application.put("authority", "Lod");
		application.put("role", "Head of economic development");
		application.put("region", "center");
		application.put("privacyNoticeAccepted", true);
		return application;
	}

	private static Map<String, Object> meeting(String day) {
		Map<String, Object> meeting = new LinkedHashMap<>();
		meeting.put("meetingDate", day);
		meeting.put("topic", "Income-producing assets");
		meeting.put("host", "Lod");
		return meeting;
	}

	/**
	 * The row count of every lc_ table (the engine's ACT_ tables are checked through the
	 * engine).
	 */
	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		List<String> tables = this.jdbc.sql("""
				select table_name from information_schema.tables
				where lower(table_name) like 'lc\\_%' escape '\\' and lower(table_name) <> 'lc_schema_history'""")
			.query(String.class)
			.list();
		for (String table : tables) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

}
