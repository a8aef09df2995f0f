package org.learningcommunities.lifecycle.recruitment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.LifecycleRestClient.form;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.REGIONS;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.SECTORS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CONFIRM_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.DRAFT_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.FOLLOW_APPLICATIONS;

/**
 * The call for applications and the cohort, end to end: a community established over REST
 * by the demo users, then the leader drafts, publishes and closes the call in year one,
 * and confirms the cohort or reopens recruitment. Candidates come from the application
 * API, which this test does not use: where admitted members are needed, it writes them to
 * {@code lc_candidate} itself. Each test has its own community.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CallForApplicationsIT {

	private static final String FEWER_THAN_30 = "Fewer than 30 members";

	/** The engine REST API's dates: {@code 2026-12-10T00:00:00.000+0000}. */
	private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	private LifecycleRestClient client;

	private EstablishmentSteps establishment;

	/** The application's clock is UTC: "today" is UTC's. */
	private final LocalDate today = LocalDate.now(CallForApplications.ZONE);

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.establishment = new EstablishmentSteps(this.client);
	}

	@Test
	void leaderPublishesTheCallAndClosesItEarlyThenReopensRecruitmentAfterTheShortfall() {
		// given: a community in year one; the leader's call form opens with its
		// professional field
		String code = "call-closed-early";
		this.establishment.intoYearOne(code);
		JsonNode draft = this.client.task(LEADER, code, DRAFT_CALL);
		JsonNode draftForm = this.client.formVariables(LEADER, draft.path("id").asText());
		assertThat(draftForm.path("professionalField").path("value").asText()).isEqualTo("Economic development");
		assertThat(draftForm.path("callRound").path("value").asInt()).isEqualTo(1);

		// when: the leader drafts the call with a deadline two weeks ahead
		LocalDate deadline = this.today.plusDays(14);
		assertThat(this.client.submitTask(LEADER, draft.path("id").asText(), callForm(deadline)).status().value())
			.isEqualTo(204);

		// then: round 1 is open, and the leader follows it until its deadline
		assertThat(call(code, 1)).containsEntry("status", "OPEN");
		assertThat(call(code, 1).get("deadline")).hasToString(deadline.toString());
		assertThat(call(code, 1).get("opened_at")).isNotNull();
		JsonNode follow = this.client.task(LEADER, code, FOLLOW_APPLICATIONS);
		JsonNode followForm = this.client.formVariables(LEADER, follow.path("id").asText());
		assertThat(followForm.path("applicationsCount").path("value").asInt()).isZero();
		assertThat(followForm.path(YearOneProcess.CALL_DEADLINE).path("value").asText()).isEqualTo(deadline.toString());

		// when: the leader closes it early, ticking the box only the second time
		Answer unticked = this.client.submitTask(LEADER, follow.path("id").asText(), form("closeCallEarly", false));
		assertThat(unticked.status().value()).isEqualTo(400);
		assertThat(unticked.message()).contains("closeCallEarly");
		assertThat(call(code, 1)).containsEntry("status", "OPEN");
		assertThat(this.client.submitTask(LEADER, follow.path("id").asText(), form("closeCallEarly", true))
			.status()
			.value()).isEqualTo(204);

		// then: the call is closed and, with no candidate, the mix check lists the
		// shortfalls to the leader
		assertThat(call(code, 1)).containsEntry("status", "CLOSED");
		assertThat(call(code, 1).get("closed_at")).isNotNull();
		JsonNode confirm = awaitTask(code, CONFIRM_COHORT);
		JsonNode confirmForm = this.client.formVariables(LEADER, confirm.path("id").asText());
		assertThat(confirmForm.path("cohortShortfalls").path("value").asText()).contains(FEWER_THAN_30,
				"Well below the target size", "Fewer women than agreed", "Fewer men than agreed",
				"An agreed region has no member", "An agreed sector has no member");
		assertThat(confirmForm.path("cohortSummary").path("value").asText()).contains("Admitted: 0");

		// when: the leader reopens recruitment
		this.client.complete(LEADER, code, CONFIRM_COHORT,
				form(YearOneProcess.COHORT_DECISION, "reopen", "cohortNotes", "Reach the Arab authorities"));

		// then: the check is recorded, and round 2 opens with the previous call to revise
		assertThat(cohortCheck(code, 1)).containsEntry("decision", "REOPENED")
			.containsEntry("admitted_count", 0)
			.containsEntry("decided_by", LEADER);
		JsonNode secondDraft = this.client.task(LEADER, code, DRAFT_CALL);
		JsonNode secondForm = this.client.formVariables(LEADER, secondDraft.path("id").asText());
		assertThat(secondForm.path("callRound").path("value").asInt()).isEqualTo(2);
		assertThat(secondForm.path("callText").path("value").asText()).isEqualTo(callForm(deadline).get("callText"));
		assertThat(secondForm.path("reopenReason").path("value").asText()).contains(FEWER_THAN_30,
				"Reach the Arab authorities");
		assertThat(this.client.submitTask(LEADER, secondDraft.path("id").asText(), callForm(deadline.plusDays(7)))
			.status()
			.value()).isEqualTo(204);
		assertThat(call(code, 2)).containsEntry("status", "OPEN");
		assertThat(call(code, 1)).containsEntry("status", "CLOSED");
	}

	@Test
	void deadlineNotAfterTodayIsRefusedNamingTheField() {
		// given: a community in year one
		String code = "call-deadline-refused";
		this.establishment.intoYearOne(code);
		String draftId = this.client.task(LEADER, code, DRAFT_CALL).path("id").asText();

		// when: the leader sends a deadline in the past, then today
		Answer past = this.client.submitTask(LEADER, draftId, callForm(this.today.minusDays(1)));
		Answer today = this.client.submitTask(LEADER, draftId, callForm(this.today));

		// then: both are refused naming the field; no call is stored and the task stays
		// open
		assertThat(past.status().value()).isEqualTo(400);
		assertThat(past.message()).contains("field '" + YearOneProcess.CALL_DEADLINE + "' must be after today");
		assertThat(today.status().value()).isEqualTo(400);
		assertThat(today.message()).contains(YearOneProcess.CALL_DEADLINE);
		assertThat(calls(code)).isZero();
		assertThat(this.client.task(LEADER, code, DRAFT_CALL).path("id").asText()).isEqualTo(draftId);
	}

	@Test
	void callClosesByItselfWhenItsDeadlinePasses() {
		// given: a call published with a deadline ten days ahead
		String code = "call-deadline-passed";
		this.establishment.intoYearOne(code);
		LocalDate deadline = this.today.plusDays(10);
		this.client.complete(LEADER, code, DRAFT_CALL, callForm(deadline));

		// then: its timer is due at the end of the deadline day in Israel
		JsonNode timer = deadlineTimer(code);
		assertThat(OffsetDateTime.parse(timer.path("dueDate").asText(), REST_DATE).toInstant())
			.isEqualTo(deadline.plusDays(1).atStartOfDay(CallForApplications.ZONE).toInstant());

		// when: time passes (an administrator runs the due timer job: only they run jobs,
		// docs/adr/0021)
		Answer executed = this.client.post("admin", "/engine-rest/job/" + timer.path("id").asText() + "/execute",
				Map.of());

		// then: the call is closed and the leader is asked to confirm the cohort
		assertThat(executed.status().value()).as("timer job executed: %s", executed).isEqualTo(204);
		assertThat(call(code, 1)).containsEntry("status", "CLOSED");
		assertThat(this.client.tasks(LEADER, code, FOLLOW_APPLICATIONS)).isEmpty();
		awaitTask(code, CONFIRM_COHORT);
	}

	@Test
	void balancedCohortIsConfirmedThenTheLeaderChoosesTheForumsAndRecordsTheFirstMeeting() {
		// given: a published call, and 32 members admitted from it: half women, every
		// agreed region and sector, all above the minimum seniority
		String code = "call-balanced-cohort";
		this.establishment.intoYearOne(code);
		this.client.complete(LEADER, code, DRAFT_CALL, callForm(this.today.plusDays(14)));
		admit(code, 32);

		// when: the leader closes the call
		this.client.complete(LEADER, code, FOLLOW_APPLICATIONS, form("closeCallEarly", true));

		// then: the mix check finds no shortfall
		JsonNode confirm = awaitTask(code, CONFIRM_COHORT);
		JsonNode confirmForm = this.client.formVariables(LEADER, confirm.path("id").asText());
		assertThat(confirmForm.path("cohortShortfalls").path("value").asText()).isEqualTo("אין · none");
		assertThat(confirmForm.path("cohortSummary").path("value").asText()).contains("Admitted: 32",
				"Women: 50%, גברים · Men: 50%");
		assertThat(cohortCheck(code, 1)).containsEntry("admitted_count", 32).containsEntry("shortfalls", null);

		// when: the leader confirms the cohort
		this.client.complete(LEADER, code, CONFIRM_COHORT, form(YearOneProcess.COHORT_DECISION, "confirm"));

		// then: the decision is recorded and the leader chooses the forums among the
		// admitted members
		assertThat(cohortCheck(code, 1)).containsEntry("decision", "CONFIRMED");
		JsonNode forums = this.client.task(LEADER, code, YearOneProcess.CHOOSE_FORUMS);
		JsonNode forumsForm = this.client.formVariables(LEADER, forums.path("id").asText());
		List<String> admitted = this.jdbc
			.sql("select id from lc_candidate where community_id = ? and status = 'ADMITTED' order by id")
			.param(communityId(code))
			.query((rs, n) -> Long.toString(rs.getLong(1)))
			.list();
		assertThat(forumsForm.path("admittedMembers").path("value").asText()).contains("Member 0 · Authority 0",
				"\"" + admitted.get(31) + "\"");

		// when: the leading core is too small, the committee too large, or names someone
		// who is not a member, the form is refused naming the field
		String committee = "Dana Levi · Ministry of Interior\nRon Cohen · Rashi Foundation\nAvi Sasson · ULAI\n"
				+ "Noa Mizrahi · Council of Regional Councils\nYael Peretz · Joint";
		Answer tooFew = this.client.submitTask(LEADER, forums.path("id").asText(),
				form("leadingCore", new JsonList(admitted.subList(0, 4)), "advisoryCommittee",
						committee + "\nOne · More\nTwo · More\nThree · More"));
		assertThat(tooFew.status().value()).isEqualTo(400);
		assertThat(tooFew.message()).contains("leadingCore", "advisoryCommittee");
		Answer stranger = this.client.submitTask(LEADER, forums.path("id").asText(),
				form("leadingCore",
						new JsonList(
								List.of(admitted.get(0), admitted.get(1), admitted.get(2), admitted.get(3), "999999")),
						"advisoryCommittee", committee));
		assertThat(stranger.status().value()).isEqualTo(400);
		assertThat(stranger.message()).contains("leadingCore", "admitted members");

		// when: the leader chooses six members and five advisers, and records the first
		// meeting
		this.client.complete(LEADER, code, YearOneProcess.CHOOSE_FORUMS,
				form("leadingCore", new JsonList(admitted.subList(0, 6)), "advisoryCommittee", committee));
		this.client.complete(LEADER, code, YearOneProcess.RECORD_FIRST_MEETING,
				form("heldOn", this.today.toString(), "topicRanking", "Income-producing assets\nLocal business",
						"chosenTopics", "Income-producing assets\nLocal business\nGrowth engines", "learningNorms",
						"Confidentiality; everyone teaches, everyone learns"));

		// then: the forums and the first meeting are stored, and the leading core lays
		// out the syllabus
		assertThat(this.jdbc.sql("select forum, count(*) from lc_forum_member where community_id = ? group by forum")
			.param(communityId(code))
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactlyInAnyOrder("LEADING_CORE=6", "ADVISORY_COMMITTEE=5");
		assertThat(this.jdbc.sql("select chosen_topics from lc_first_meeting where community_id = ?")
			.param(communityId(code))
			.query(String.class)
			.single()).contains("Growth engines");
		this.client.task(LEADER, code, "lay-out-syllabus");
	}

	@Test
	void cohortTooSmallForTheLeadingCoreCannotGoOnAndTheLeaderIsToldToReopenRecruitment() {
		// given: a call closed with no applicant, and then with four members admitted
		String code = "call-empty-cohort";
		this.establishment.intoYearOne(code);
		this.client.complete(LEADER, code, DRAFT_CALL, callForm(this.today.plusDays(14)));
		this.client.complete(LEADER, code, FOLLOW_APPLICATIONS, form("closeCallEarly", true));
		String confirm = awaitTask(code, CONFIRM_COHORT).path("id").asText();

		// when: the leader confirms the empty cohort, or keeps it with a lower target
		Answer confirmed = this.client.submitTask(LEADER, confirm, form(YearOneProcess.COHORT_DECISION, "confirm"));
		Answer lowered = this.client.submitTask(LEADER, confirm, form(YearOneProcess.COHORT_DECISION, "lower-target",
				"lowerTargetSize", 5, "targetReason", "Nobody applied"));

		// then: both are refused naming the decision, in Hebrew and English, saying why
		// and what to do; nothing is decided and the task stays open
		for (Answer refused : List.of(confirmed, lowered)) {
			assertThat(refused.status().value()).isEqualTo(400);
			assertThat(refused.message()).contains("cohortDecision", "לגרעין המוביל דרושים לפחות 5",
					"A cohort of 0 cannot go on: the leading core needs at least 5 admitted members",
					"reopen recruitment");
		}
		assertThat(cohortCheck(code, 1)).containsEntry("decision", null);
		assertThat(this.client.task(LEADER, code, CONFIRM_COHORT).path("id").asText()).isEqualTo(confirm);

		// when: four are admitted, one fewer than the leading core needs
		admit(code, 4);
		Answer four = this.client.submitTask(LEADER, confirm, form(YearOneProcess.COHORT_DECISION, "confirm"));

		// then: still refused; reopening recruitment is the way on
		assertThat(four.status().value()).isEqualTo(400);
		assertThat(four.message()).contains("A cohort of 4 cannot go on");
		this.client.complete(LEADER, code, CONFIRM_COHORT, form(YearOneProcess.COHORT_DECISION, "reopen"));
		assertThat(cohortCheck(code, 1)).containsEntry("decision", "REOPENED");
		this.client.task(LEADER, code, DRAFT_CALL);
	}

	@Test
	void leaderLowersTheTargetWithAReasonAndConfirmsTheCohortCheckedAgainstIt() {
		// given: twelve members admitted for a target of 35
		String code = "call-target-lowered";
		this.establishment.intoYearOne(code);
		this.client.complete(LEADER, code, DRAFT_CALL, callForm(this.today.plusDays(14)));
		admit(code, 12);
		this.client.complete(LEADER, code, FOLLOW_APPLICATIONS, form("closeCallEarly", true));
		String confirm = awaitTask(code, CONFIRM_COHORT).path("id").asText();
		assertThat(this.client.formVariables(LEADER, confirm).path("cohortShortfalls").path("value").asText())
			.contains("Well below the target size");

		// when: a lower target without a reason, or not below the current one
		Answer noReason = this.client.submitTask(LEADER, confirm,
				form(YearOneProcess.COHORT_DECISION, "lower-target", "lowerTargetSize", 15));
		Answer notLower = this.client.submitTask(LEADER, confirm, form(YearOneProcess.COHORT_DECISION, "lower-target",
				"lowerTargetSize", 35, "targetReason", "Fewer heads of units than we hoped"));

		// then: refused naming the field, nothing changed
		assertThat(noReason.status().value()).isEqualTo(400);
		assertThat(noReason.message()).contains("targetReason");
		assertThat(notLower.status().value()).isEqualTo(400);
		assertThat(notLower.message()).contains("lowerTargetSize", "5 to 34");
		assertThat(targetSize(code)).isEqualTo(35);

		// when: the leader lowers the target to 15, saying why
		this.client.complete(LEADER, code, CONFIRM_COHORT, form(YearOneProcess.COHORT_DECISION, "lower-target",
				"lowerTargetSize", 15, "targetReason", "Fewer heads of units than we hoped"));

		// then: the target and its reason are kept, the cohort is checked again against
		// it, and the leader confirms it
		assertThat(targetSize(code)).isEqualTo(15);
		assertThat(this.jdbc.sql("""
				select from_size, to_size, reason, decided_by from lc_target_size_change
				where community_id = ?""")
			.param(communityId(code))
			.query((rs, n) -> rs.getInt(1) + " -> " + rs.getInt(2) + ": " + rs.getString(3) + " (" + rs.getString(4)
					+ ")")
			.list()).containsExactly("35 -> 15: Fewer heads of units than we hoped (" + LEADER + ")");
		String again = awaitTask(code, CONFIRM_COHORT).path("id").asText();
		assertThat(again).isNotEqualTo(confirm);
		JsonNode againForm = this.client.formVariables(LEADER, again);
		assertThat(againForm.path("cohortSummary").path("value").asText()).contains("Admitted: 12", "target 15");
		assertThat(againForm.path("cohortShortfalls").path("value").asText())
			.doesNotContain("Well below the target size");
		this.client.complete(LEADER, code, CONFIRM_COHORT, form(YearOneProcess.COHORT_DECISION, "confirm"));
		assertThat(cohortCheck(code, 1)).containsEntry("decision", "CONFIRMED").containsEntry("admitted_count", 12);
		this.client.task(LEADER, code, YearOneProcess.CHOOSE_FORUMS);
	}

	private int targetSize(String code) {
		return this.jdbc.sql("select target_size from lc_community where code = ?")
			.param(code)
			.query(Integer.class)
			.single();
	}

	/** A valid draft-call form with the given deadline day. */
	private static Map<String, Object> callForm(LocalDate deadline) {
		return form("callText", "Join the economic development community: ten full days a year with peers.", "audience",
				"Heads of economic development units in local authorities", YearOneProcess.CALL_DEADLINE,
				deadline.toString());
	}

	/**
	 * Writes admitted candidates of the community's first call, spread evenly over
	 * gender, the agreed regions and sectors, each with five years of seniority.
	 */
	private void admit(String code, int count) {
		long communityId = communityId(code);
		long callId = this.jdbc.sql("select id from lc_call where community_id = ? and round = 1")
			.param(communityId)
			.query(Long.class)
			.single();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < count; i++) {
			this.jdbc.sql("""
					insert into lc_candidate (community_id, call_id, full_name, email, authority, role, region, sector,
					    gender, seniority_years, language, status, applied_at, decided_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(communityId, callId, "Member " + i, "member" + i + "@example.org", "Authority " + i,
						"Economic development officer", REGIONS.get(i % REGIONS.size()),
						SECTORS.get(i % SECTORS.size()), (i % 2 == 0) ? CohortService.WOMAN : CohortService.MAN, 5,
						"he", "ADMITTED", now, now)
				.update();
		}
	}

	/**
	 * The timer "Deadline passed" of the community's recruitment (called by year one), as
	 * the project manager sees it.
	 */
	private JsonNode deadlineTimer(String code) {
		JsonNode years = this.client
			.get(MANAGER,
					"/engine-rest/process-instance?processDefinitionKey=" + YearOneProcess.RECRUITMENT + "&businessKey="
							+ code)
			.body();
		assertThat(years).as("recruitment instances of %s", code).hasSize(1);
		JsonNode jobs = this.client
			.get(MANAGER,
					"/engine-rest/job?processInstanceId=" + years.get(0).path("id").asText() + "&activityId="
							+ YearOneProcess.CALL_DEADLINE_PASSED)
			.body();
		assertThat(jobs).as("timer of the call of %s", code).hasSize(1);
		return jobs.get(0);
	}

	private Map<String, Object> call(String code, int round) {
		return this.jdbc.sql("select * from lc_call where community_id = ? and round = ?")
			.params(communityId(code), round)
			.query()
			.singleRow();
	}

	private long calls(String code) {
		return this.jdbc.sql("select count(*) from lc_call where community_id = ?")
			.param(communityId(code))
			.query(Long.class)
			.single();
	}

	private Map<String, Object> cohortCheck(String code, int round) {
		return this.jdbc.sql("select * from lc_cohort_check where community_id = ? and round = ?")
			.params(communityId(code), round)
			.query()
			.singleRow();
	}

	private long communityId(String code) {
		return this.jdbc.sql("select id from lc_community where code = ?").param(code).query(Long.class).single();
	}

	/**
	 * The leader's one open task with the key, once it is there: for a task that follows
	 * a job the job executor runs (recruitment's count of the open admissions).
	 */
	private JsonNode awaitTask(String code, String taskKey) {
		Awaitility.await(taskKey + " of " + code)
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.client.tasks(LEADER, code, taskKey).isEmpty());
		return this.client.task(LEADER, code, taskKey);
	}

}
