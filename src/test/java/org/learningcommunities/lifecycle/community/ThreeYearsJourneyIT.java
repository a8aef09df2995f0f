package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.community.LifecycleSteps.YearOne;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * One community from its start form to {@code COMPLETED}, through the REST API and the
 * forms only: establishment, year one's call, admissions and syllabus, a meeting left
 * open when year one's gate is signed, year two's renewal (a member leaves, a new one is
 * admitted, a new leading core), syllabus (a meeting a member hosts and co-plans, a field
 * tour), work team and products conference, year two waiting for its meetings, year
 * three's syllabus (a meeting with another community of the venture), impact tracks (one
 * abandoned) and farewell, the final gate sent back once; then each year's forums and
 * products read back. Bad input is refused naming the field: the work team's forms, a
 * meeting host who left, an unknown co-planner, an unknown or missing other community, a
 * track's product without type. The job executor is off: time passes by executing timer
 * and asynchronous jobs through the engine REST API. The steps are
 * {@link LifecycleSteps}, which the benchmark's journey goes through too; what this test
 * checks between them stays here.
 */
// its own database: the job executor of another test's application must not run this
// test's jobs (a reminder firing while the test completes the task)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:three-years-journey-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class ThreeYearsJourneyIT {

	private static final String CODE = "three-years-journey";

	/** Another community of the venture, for a meeting between communities. */
	private static final String PARTNER_CODE = "three-years-partner";

	@Autowired
	private TestRestTemplate rest;

	private LifecycleRestClient client;

	private LifecycleSteps steps;

	private final LocalDate today = LocalDate.now();

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
		this.steps = new LifecycleSteps(this.client, CODE);
	}

	@Test
	void communityLivesItsThreeYearsAndEndsCompletedWithItsDataReadable() {
		// establishment
		EstablishmentSteps establishment = new EstablishmentSteps(this.client);
		establishment.intoYearOne(CODE);

		// year one: a call, six members admitted through the public application API,
		// one meeting held; a meeting scheduled beside the syllabus while year one's gate
		// is open belongs to year one, which no longer waits; year two waits for it
		YearOne yearOne = this.steps.yearOne();
		long carriedOver = yearOne.carriedOver();

		// year two: leaving two of six without recruiting would leave four, too few for
		// the leading core chosen next: refused naming the field, in Hebrew and English
		String renew = this.client.task(LEADER, CODE, "renew-membership").path("id").asText();
		Map<String, Object> tooFew = Map.of("leavingMembers", new JsonList(yearOne.members().subList(0, 2)),
				"recruitNewMembers", "no");
		assertRefused(renew, tooFew, "recruitNewMembers");
		assertThat(this.client.submitTask(LEADER, renew, tooFew).message()).contains("ממשיכים רק 4",
				"only 4 members continue and the leading core needs at least 5");
		assertThat(candidateStatus(yearOne.members().get(0))).isEqualTo("ADMITTED");

		// a member leaves, recruitment reopens and admits a new member
		String leaver = yearOne.members().get(0);
		List<String> members = this.steps.renewMembers(leaver, "newcomer");
		assertThat(members).hasSize(6);
		assertThat(candidateStatus(leaver)).isEqualTo("LEFT");
		// year two's leading core differs from year one's; both stay readable
		this.steps.chooseForums(members.subList(1, 6));
		this.steps.formWorkTeams();
		// year two's syllabus opens with its central topics: a meeting a member hosts and
		// co-plans, and a field tour
		String syllabusTwo = this.client.task(LEADER, CODE, "lay-out-syllabus").path("id").asText();
		assertThat(this.client.formVariables(LEADER, syllabusTwo).path("chosenTopics").path("value").asText())
			.isEqualTo("Income-producing assets");
		this.steps.layOutYearTwoSyllabus();
		long memberHosted = this.steps.meetingId(LifecycleSteps.MEMBER_HOSTED);
		long fieldTour = this.steps.meetingId(LifecycleSteps.FIELD_TOUR);
		// a host who left the community, or no member at all, is refused naming the field
		String planHosted = this.steps.meetingTask("plan-meeting", memberHosted);
		assertThat(this.client.formVariables(LEADER, planHosted).path("members").path("value").asText())
			.contains("Candidate member2")
			.doesNotContain("Candidate member1");
		Map<String, Object> plan = LifecycleSteps.meetingPlan();
		assertRefused(planHosted, LifecycleRestClient.with(plan, "hostMember", leaver), "hostMember");
		assertRefused(planHosted, LifecycleRestClient.with(plan, "coPlanner", "999999"), "coPlanner");
		this.steps.planYearTwoMeetings(members, memberHosted, fieldTour, carriedOver);

		// bad input on the team's set-up is refused naming the field
		String setUpId = this.client.task(LEADER, CODE, "set-up-work-team").path("id").asText();
		// the team's tasks carry the community's code, which Tasklist's filters show
		assertThat(communityCodeOf(setUpId)).isEqualTo(CODE);
		Map<String, Object> setUp = LifecycleSteps.workTeamSetUp(members);
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "teamMembers", new JsonList(members.subList(0, 4))),
				"teamMembers");
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "documenter", null), "documenter");
		assertRefused(setUpId, LifecycleRestClient.without(setUp, "productType"), "productType");
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "productAudience", ""), "productAudience");
		this.steps.setUpWorkTeam(members);

		// a budget above the year's budget per team is refused; a request is refused by
		// the project manager, and the team plans again without one
		String planId = this.client.task(LEADER, CODE, "plan-team-product").path("id").asText();
		assertRefused(planId, LifecycleSteps.teamProductPlan(6000), "budgetAmount");
		this.steps.teamMakesItsProduct();
		// the team is done; year two waits for its meetings, the one left from year one
		// too, before its summary
		assertThat(this.client.tasks(LEADER, CODE, "summarize-year")).isEmpty();
		this.steps.holdMeetings("year-two",
				Map.of(memberHosted, "one-pager", fieldTour, "video", carriedOver, "summary"));
		String summaryTwo = this.client.task(LEADER, CODE, "summarize-year").path("id").asText();
		assertThat(this.client.formVariables(LEADER, summaryTwo).path("meetingProducts").path("value").asText())
			.contains("Local business", LifecycleSteps.MEMBER_HOSTED, LifecycleSteps.FIELD_TOUR, "video | Assets film");
		this.steps.summarizeYear();
		assertThat(stageSummary()).contains("Work team 1 (Income-producing assets): Assets film [video], PRESENTED");
		this.steps.signStageGate();
		this.steps.approveWorkPlan();

		// year three: everyone continues; two impact tracks, one abandoned; the farewell
		this.steps.everyoneContinues();
		this.steps.chooseForums(members);
		this.steps.chooseImpactTracks();
		// year three's syllabus: a meeting with another community of the venture
		establishment.start(PARTNER_CODE);
		this.steps.layOutSyllabus(this.today.plusDays(4) + " | Regional economy with welfare | online");
		long interCommunity = this.steps.meetingId("Regional economy with welfare");
		String planJoint = this.steps.meetingTask("plan-meeting", interCommunity);
		Map<String, Object> joint = LifecycleRestClient.with(plan, "meetingKind", "inter-community");
		assertRefused(planJoint, joint, "partnerCommunity");
		assertRefused(planJoint, LifecycleRestClient.with(joint, "partnerCommunity", "nope-2026"), "partnerCommunity");
		assertRefused(planJoint, LifecycleRestClient.with(joint, "partnerCommunity", CODE), "partnerCommunity");
		this.steps.planMeeting(interCommunity, LifecycleRestClient
			.with(LifecycleRestClient.with(joint, "partnerCommunity", PARTNER_CODE), "hostMember", members.get(4)));
		this.steps.arrangeLogistics("Zoom");
		this.steps.planImpactTracks(members);
		this.steps.reviewTracksOneCompletedOneAbandoned();
		String outcomeId = this.client.task(LEADER, CODE, "record-track-outcome").path("id").asText();
		assertThat(communityCodeOf(outcomeId)).isEqualTo(CODE);
		assertRefused(outcomeId, LifecycleRestClient.without(LifecycleSteps.trackOutcome(), "productType"),
				"productType");
		this.steps.recordTrackOutcome();
		// the tracks are done; year three waits for its meeting before the farewell
		assertThat(this.client.tasks(LEADER, CODE, "hold-farewell")).isEmpty();
		this.steps.holdMeetings("year-three", Map.of(interCommunity, "summary"));
		JsonNode farewell = this.client.task(LEADER, CODE, "hold-farewell");
		assertThat(this.client.formVariables(LEADER, farewell.path("id").asText())
			.path("productsSummary")
			.path("value")
			.asText()).contains("Assets film", "Northern officers' community");
		this.steps.holdFarewell();

		// the final stage gate sends the summary back once, then signs
		this.steps.summarizeYear();
		assertThat(stageSummary()).contains("Northern officers' community): COMPLETED", "ABANDONED",
				"final evaluation: 95% satisfied");
		this.steps.sendStageGateBack("Add the evaluation's numbers");
		this.steps.summarizeYear();
		this.steps.signStageGate();

		// then: the community is completed, its stages in order, its data readable
		JsonNode community = this.client.community(MANAGER, CODE);
		assertThat(community.path("stage").asText()).isEqualTo("COMPLETED");
		List<String> stages = new ArrayList<>();
		community.path("stageHistory").forEach((entry) -> stages.add(entry.path("stage").asText()));
		assertThat(stages).containsExactly("ESTABLISHMENT", "YEAR_ONE", "YEAR_TWO", "YEAR_THREE", "COMPLETED");
		assertThat(this.client.get(MANAGER, "/engine-rest/task?processInstanceBusinessKey=" + CODE).body()).isEmpty();
		for (String taskKey : List.of("screen-candidate", "interview-candidate", "plan-meeting", "hold-farewell")) {
			assertThat(this.client
				.get(MANAGER,
						"/engine-rest/history/task/count?processInstanceBusinessKey=" + CODE + "&taskDefinitionKey="
								+ taskKey)
				.body()
				.path("count")
				.asInt()).as("completed %s tasks", taskKey).isPositive();
		}
		JsonNode years = this.client.get(MANAGER, "/api/communities/" + CODE + "/years").body();
		assertThat(years.path("stage").asText()).isEqualTo("COMPLETED");
		JsonNode yearTwo = years.path("years").get(1);
		assertThat(yearTwo.path("stage").asText()).isEqualTo("YEAR_TWO");
		assertThat(yearTwo.path("summary").path("evaluationResults").asText()).isNotBlank();
		assertThat(product(yearTwo, "work-team").path("title").asText()).isEqualTo("Assets film");
		assertThat(yearTwo.path("workTeams").get(0).path("status").asText()).isEqualTo("PRESENTED");
		JsonNode yearThree = years.path("years").get(2);
		assertThat(yearThree.path("impactTracks").findValuesAsText("status")).containsExactly("COMPLETED", "ABANDONED");
		assertThat(product(yearThree, "impact-track").path("type").asText()).isEqualTo("community-id-card");
		// each year's products as registered with its summary: the meeting left open by
		// year one counts in year two, whose summary registered it
		assertThat(years.path("years").get(0).path("knowledgeProducts").findValuesAsText("source"))
			.containsExactly("meeting");
		assertThat(yearTwo.path("knowledgeProducts").findValuesAsText("source")).containsExactlyInAnyOrder("meeting",
				"meeting", "meeting", "work-team");
		assertThat(yearThree.path("knowledgeProducts").findValuesAsText("source")).containsExactlyInAnyOrder("meeting",
				"impact-track");
		JsonNode products = this.client.get(MANAGER, "/api/communities/" + CODE + "/products").body();
		assertThat(products.findValuesAsText("stage")).containsExactly("YEAR_ONE", "YEAR_TWO", "YEAR_TWO", "YEAR_TWO",
				"YEAR_TWO", "YEAR_THREE", "YEAR_THREE");
		assertThat(products.findValuesAsText("source")).contains("MEETING", "WORK_TEAM", "IMPACT_TRACK");
		// each year's forums stay readable
		assertThat(names(years.path("years").get(0).path("forums").path("leadingCore"))).hasSize(5)
			.contains("Candidate member1");
		assertThat(names(yearTwo.path("forums").path("leadingCore"))).hasSize(5)
			.doesNotContain("Candidate member1")
			.contains("Candidate newcomer");
		assertThat(names(yearThree.path("forums").path("advisoryCommittee"))).hasSize(5);
		// the meetings keep their year, kind and members
		JsonNode meetings = this.client.get(MANAGER, "/api/communities/" + CODE + "/meetings").body();
		assertThat(meeting(meetings, carriedOver).path("stage").asText()).isEqualTo("YEAR_ONE");
		assertThat(meeting(meetings, memberHosted).path("stage").asText()).isEqualTo("YEAR_TWO");
		assertThat(meeting(meetings, memberHosted).path("hostMember").asText()).isEqualTo(members.get(1));
		assertThat(meeting(meetings, memberHosted).path("coPlanner").asText()).isEqualTo(members.get(2));
		assertThat(meeting(meetings, fieldTour).path("kind").asText()).isEqualTo("field-tour");
		assertThat(meeting(meetings, interCommunity).path("kind").asText()).isEqualTo("inter-community");
		assertThat(meeting(meetings, interCommunity).path("partnerCommunity").asText()).isEqualTo(PARTNER_CODE);
		assertThat(meeting(meetings, interCommunity).path("stage").asText()).isEqualTo("YEAR_THREE");
		assertThat(years.path("farewell").path("finalEvaluation").asText()).isEqualTo("95% satisfied");
		assertThat(candidateStatus(leaver)).isEqualTo("LEFT");
	}

	// reading back
	// -------------------------------------------------------------------------------------------------------

	private static JsonNode meeting(JsonNode meetings, long meetingId) {
		for (JsonNode meeting : meetings) {
			if (meeting.path("meetingId").asLong() == meetingId) {
				return meeting;
			}
		}
		throw new AssertionError("no meeting " + meetingId + " in " + meetings);
	}

	/** A task's process variable communityCode. */
	private String communityCodeOf(String taskId) {
		return this.client.get(MANAGER, "/engine-rest/task/" + taskId + "/variables/communityCode")
			.body()
			.path("value")
			.asText();
	}

	/**
	 * The names of a forum as the years view lists them, without the member's authority.
	 */
	private static List<String> names(JsonNode forum) {
		List<String> names = new ArrayList<>();
		forum.forEach((name) -> names.add(name.asText().split(" · ")[0]));
		return names;
	}

	private String candidateStatus(String candidateId) {
		return this.client.get(MANAGER, "/api/communities/" + CODE + "/candidates/" + candidateId)
			.body()
			.path("status")
			.asText();
	}

	/** The year's one knowledge product from that source. */
	private static JsonNode product(JsonNode year, String source) {
		List<JsonNode> products = new ArrayList<>();
		year.path("knowledgeProducts").forEach((product) -> {
			if (source.equals(product.path("source").asText())) {
				products.add(product);
			}
		});
		assertThat(products).as("%s products of %s", source, year.path("stage")).hasSize(1);
		return products.get(0);
	}

	/** What the project manager reads at the open stage gate. */
	private String stageSummary() {
		String gate = this.client.task(MANAGER, CODE, "sign-stage-gate").path("id").asText();
		return this.client.formVariables(MANAGER, gate).path("stageSummary").path("value").asText();
	}

	private void assertRefused(String taskId, Map<String, Object> form, String field) {
		Answer answer = this.client.submitTask(LEADER, taskId, form);
		assertThat(answer.status().value()).as("task %s: %s", taskId, answer).isEqualTo(400);
		assertThat(answer.message()).contains("'" + field + "'");
	}

}
