package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
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
 * and asynchronous jobs through the engine REST API.
 */
// its own database: the job executor of another test's application must not run this
// test's jobs (a reminder firing while the test completes the task)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "camunda.bpm.job-execution.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:three-years-journey-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class ThreeYearsJourneyIT {

	private static final String CODE = "three-years-journey";

	/** Another community of the venture, for a meeting between communities. */
	private static final String PARTNER_CODE = "three-years-partner";

	/** A meeting's agenda: parts A, B and C each begin a line. */
	private static final String AGENDA = """
			A 09:00 opening: check-in
			B 10:00 professional content: a lecture, then peer learning
			C 13:30 product lab at work tables""";

	@Autowired
	private TestRestTemplate rest;

	private LifecycleRestClient client;

	private final LocalDate today = LocalDate.now();

	@BeforeEach
	void setUp(@Autowired ProcessEngine engine) {
		// the engine REST API looks its engine up in a static registry, and other test
		// classes run their own application in this JVM: make sure it talks to this one
		ProcessEngines.registerProcessEngine(engine);
		this.client = new LifecycleRestClient(this.rest);
	}

	@Test
	void communityLivesItsThreeYearsAndEndsCompletedWithItsDataReadable() {
		// establishment
		EstablishmentSteps establishment = new EstablishmentSteps(this.client);
		establishment.upToStageGate(CODE);
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(CODE);

		// year one: a call, six members admitted through the public application API
		complete(LEADER, "draft-call", draftCall());
		for (int i = 1; i <= 6; i++) {
			admit("member" + i);
		}
		complete(LEADER, "follow-applications", Map.of("closeCallEarly", true));
		// the open admissions are counted in a job of their own (ADR 0023)
		executeJob("recruitment", "count-open-admissions");
		complete(LEADER, "confirm-cohort", Map.of("cohortDecision", "confirm"));
		List<String> members = members();
		assertThat(members).hasSize(6);
		chooseForums(members);
		complete(LEADER, "record-first-meeting", Map.of("heldOn", this.today.toString(), "topicRanking", "Assets",
				"chosenTopics", "Assets\nLocal business", "learningNorms", "Everyone teaches, everyone learns"));
		// the syllabus: one meeting, held; the year waits for it before its summary
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", this.today.plusDays(1) + " | Assets | Lod"));
		complete(LEADER, "plan-meeting", Map.of("professionalGoals", "Know the assets", "communityGoals", "Trust",
				"desiredProduct", "A one-pager", "agenda", AGENDA));
		complete(LEADER, "arrange-logistics", Map.of("venue", "Lod city hall"));
		executeTimer("community-meeting", "meeting-day-arrived");
		complete(LEADER, "record-attendance", Map.of("attendanceCount", 6, "satisfaction", 4));
		complete(LEADER, "write-knowledge-product",
				Map.of("knowledgeProduct", "Five kinds of income-producing assets", "productType", "summary"));
		executeJob("community-meeting", "meeting-held");
		executeJob("year-one", "meeting-concluded");
		complete(LEADER, "summarize-year", summary());
		// a meeting scheduled beside the syllabus while year one's gate is open: it
		// belongs to year one, which no longer waits; year two waits for it
		Answer scheduled = this.client.post(LEADER, "/api/communities/" + CODE + "/meetings",
				Map.of("meetingDate", this.today.plusDays(1).toString(), "topic", "Local business", "host", "Lod",
						"online", false, "seminar", false));
		assertThat(scheduled.status().value()).as("meeting scheduled: %s", scheduled).isEqualTo(201);
		long carriedOver = scheduled.body().path("meetingId").asLong();
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(CODE);

		// year two: a member leaves, recruitment reopens and admits a new member
		String leaver = members.get(0);
		complete(LEADER, "renew-membership", Map.of("leavingMembers", JsonList.of(leaver), "recruitNewMembers", "yes"));
		complete(LEADER, "farewell-member",
				Map.of("leaveReason", "Moved to another authority", "farewellNotes", "A card from everyone"));
		complete(LEADER, "draft-call", draftCall());
		admit("newcomer");
		complete(LEADER, "follow-applications", Map.of("closeCallEarly", true));
		// the open admissions are counted in a job of their own (ADR 0023)
		executeJob("recruitment", "count-open-admissions");
		complete(LEADER, "confirm-cohort", Map.of("cohortDecision", "confirm"));
		members = members();
		assertThat(members).hasSize(6).doesNotContain(leaver);
		assertThat(candidateStatus(leaver)).isEqualTo("LEFT");
		// year two's leading core differs from year one's; both stay readable
		chooseForums(members.subList(1, 6));

		complete(LEADER, "form-work-teams",
				Map.of("heldOn", this.today.toString(), "centralTopics", "Income-producing assets", "teamTopics",
						"Income-producing assets", "productsConference", this.today.plusDays(60).toString(),
						"teamBudget", 5000));
		// year two's syllabus opens with its central topics: a meeting a member hosts and
		// co-plans, and a field tour
		String syllabusTwo = this.client.task(LEADER, CODE, "lay-out-syllabus").path("id").asText();
		assertThat(this.client.formVariables(LEADER, syllabusTwo).path("chosenTopics").path("value").asText())
			.isEqualTo("Income-producing assets");
		submit(LEADER, syllabusTwo, Map.of("syllabus", this.today.plusDays(2) + " | Assets in practice | "
				+ "Authority member2\n" + this.today.plusDays(3) + " | Industrial zones | Karmiel"));
		long memberHosted = meetingId("Assets in practice");
		long fieldTour = meetingId("Industrial zones");
		// a host who left the community, or no member at all, is refused naming the field
		String planHosted = meetingTask("plan-meeting", memberHosted);
		assertThat(this.client.formVariables(LEADER, planHosted).path("members").path("value").asText())
			.contains("Candidate member2")
			.doesNotContain("Candidate member1");
		assertRefused(planHosted, LifecycleRestClient.with(plan(), "hostMember", leaver), "hostMember");
		assertRefused(planHosted, LifecycleRestClient.with(plan(), "coPlanner", "999999"), "coPlanner");
		submit(LEADER, planHosted, LifecycleRestClient
			.with(LifecycleRestClient.with(plan(), "hostMember", members.get(1)), "coPlanner", members.get(2)));
		submit(LEADER, meetingTask("plan-meeting", fieldTour), LifecycleRestClient
			.with(LifecycleRestClient.with(plan(), "meetingKind", "field-tour"), "coPlanner", members.get(3)));
		submit(LEADER, meetingTask("plan-meeting", carriedOver), plan());
		for (JsonNode logistics : this.client.tasks(LEADER, CODE, "arrange-logistics")) {
			submit(LEADER, logistics.path("id").asText(), Map.of("venue", "City hall"));
		}

		// bad input on the team's set-up is refused naming the field
		String setUpId = this.client.task(LEADER, CODE, "set-up-work-team").path("id").asText();
		// the team's tasks carry the community's code, which Tasklist's filters show
		assertThat(communityCodeOf(setUpId)).isEqualTo(CODE);
		Map<String, Object> setUp = setUpForm(members);
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "teamMembers", new JsonList(members.subList(0, 4))),
				"teamMembers");
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "documenter", null), "documenter");
		assertRefused(setUpId, LifecycleRestClient.without(setUp, "productType"), "productType");
		assertRefused(setUpId, LifecycleRestClient.with(setUp, "productAudience", ""), "productAudience");
		submit(LEADER, setUpId, setUp);

		// a budget above the year's budget per team is refused; a request is refused by
		// the project manager, and the team plans again without one
		String planId = this.client.task(LEADER, CODE, "plan-team-product").path("id").asText();
		Map<String, Object> plan = Map.of("responsibilities", "Dana writes, Ron films", "budgetAmount", 6000,
				"budgetPurpose", "A film crew");
		assertRefused(planId, plan, "budgetAmount");
		submit(LEADER, planId, LifecycleRestClient.with(plan, "budgetAmount", 3000));
		complete(MANAGER, "approve-team-budget",
				Map.of("budgetDecision", "refuse", "budgetReason", "Use the foundation's studio"));
		complete(LEADER, "plan-team-product", LifecycleRestClient.with(plan, "budgetAmount", 0));
		complete(LEADER, "review-team-drafts", Map.of("draftsReview", "Three drafts, many comments"));
		complete(LEADER, "finalize-team-product", Map.of("finalPreparation", "Edited and subtitled"));
		executeTimer("work-team", "products-conference-arrived");
		complete(LEADER, "present-product", Map.of("presentedOn", this.today.toString(), "finalProduct",
				"https://example.org/assets-film", "signedOffBy", "The steering committee"));
		complete(LEADER, "summarize-team-work",
				Map.of("teamSummary", "A film in four months", "teamFeedback", "More time for editing"));
		// the team is done; year two waits for its meetings, the one left from year one
		// too, before its summary
		assertThat(this.client.tasks(LEADER, CODE, "summarize-year")).isEmpty();
		holdMeetings("year-two", Map.of(memberHosted, "one-pager", fieldTour, "video", carriedOver, "summary"));
		String summaryTwo = this.client.task(LEADER, CODE, "summarize-year").path("id").asText();
		assertThat(this.client.formVariables(LEADER, summaryTwo).path("meetingProducts").path("value").asText())
			.contains("Local business", "Assets in practice", "Industrial zones", "video | Assets film");
		submit(LEADER, summaryTwo, summary());
		assertThat(stageSummary()).contains("Work team 1 (Income-producing assets): Assets film [video], PRESENTED");
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(CODE);

		// year three: everyone continues; two impact tracks, one abandoned; the farewell
		complete(LEADER, "renew-membership", Map.of("recruitNewMembers", "no"));
		chooseForums(members);
		complete(LEADER, "choose-impact-tracks", Map.of("heldOn", this.today.toString(), "centralTopics",
				"Regional economy", "trackTitles", "Northern officers' community\nJoint industrial zone"));
		// year three's syllabus: a meeting with another community of the venture
		establishment.start(PARTNER_CODE);
		complete(LEADER, "lay-out-syllabus",
				Map.of("syllabus", this.today.plusDays(4) + " | Regional economy with welfare | online"));
		long interCommunity = meetingId("Regional economy with welfare");
		String planJoint = meetingTask("plan-meeting", interCommunity);
		Map<String, Object> joint = LifecycleRestClient.with(plan(), "meetingKind", "inter-community");
		assertRefused(planJoint, joint, "partnerCommunity");
		assertRefused(planJoint, LifecycleRestClient.with(joint, "partnerCommunity", "nope-2026"), "partnerCommunity");
		assertRefused(planJoint, LifecycleRestClient.with(joint, "partnerCommunity", CODE), "partnerCommunity");
		submit(LEADER, planJoint, LifecycleRestClient
			.with(LifecycleRestClient.with(joint, "partnerCommunity", PARTNER_CODE), "hostMember", members.get(4)));
		complete(LEADER, "arrange-logistics", Map.of("venue", "Zoom"));
		for (JsonNode track : this.client.tasks(LEADER, CODE, "plan-impact-track")) {
			submit(LEADER, track.path("id").asText(),
					Map.of("trackKind", "regional-community", "trackGoal", "Officers of the north learn together",
							"trackLeads", new JsonList(members.subList(1, 3)), "milestones",
							"First meeting\nTen authorities", "accompaniedBy", "Noa from the project staff",
							"accompanimentPlan", "A monthly call"));
		}
		List<JsonNode> reviews = this.client.tasks(LEADER, CODE, "review-track-progress");
		assertThat(reviews).hasSize(2);
		submit(LEADER, reviews.get(0).path("id").asText(), Map.of("reachedMilestones", JsonList.of("1", "2"),
				"progressNotes", "Both milestones reached", "trackDecision", "complete"));
		submit(LEADER, reviews.get(1).path("id").asText(), Map.of("progressNotes", "No land was found", "trackDecision",
				"abandon", "abandonReason", "The authorities could not agree on land"));
		Map<String, Object> outcome = Map.of("outcome", "A community of 12 officers", "reach", 12, "productType",
				"community-id-card", "product", "https://example.org/north-card");
		String outcomeId = this.client.task(LEADER, CODE, "record-track-outcome").path("id").asText();
		assertThat(communityCodeOf(outcomeId)).isEqualTo(CODE);
		assertRefused(outcomeId, LifecycleRestClient.without(outcome, "productType"), "productType");
		submit(LEADER, outcomeId, outcome);
		// the tracks are done; year three waits for its meeting before the farewell
		assertThat(this.client.tasks(LEADER, CODE, "hold-farewell")).isEmpty();
		holdMeetings("year-three", Map.of(interCommunity, "summary"));
		JsonNode farewell = this.client.task(LEADER, CODE, "hold-farewell");
		assertThat(this.client.formVariables(LEADER, farewell.path("id").asText())
			.path("productsSummary")
			.path("value")
			.asText()).contains("Assets film", "Northern officers' community");
		submit(LEADER, farewell.path("id").asText(),
				Map.of("farewellDay", this.today.toString(), "eventPlan", "A day in Lod", "personalIntrospection",
						"We learned to ask", "groupIntrospection", "A network that stays", "finalEvaluation",
						"95% satisfied", "productsSummary", "A film and a community ID card"));

		// the final stage gate sends the summary back once, then signs
		complete(LEADER, "summarize-year", summary());
		assertThat(stageSummary()).contains("Northern officers' community): COMPLETED", "ABANDONED",
				"final evaluation: 95% satisfied");
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.sendBackGate("Add the evaluation's numbers"));
		summarizeYearAndSign();

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

	// steps
	// -------------------------------------------------------------------------------------------------------

	/** A meeting's planning sheet whose agenda fits the day. */
	private static Map<String, Object> plan() {
		return Map.of("professionalGoals", "Know the tools", "communityGoals", "Trust", "desiredProduct", "A one-pager",
				"agenda", AGENDA);
	}

	/** The id of the community's meeting on that topic. */
	private long meetingId(String topic) {
		List<Long> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + CODE + "/meetings").body().forEach((meeting) -> {
			if (topic.equals(meeting.path("topic").asText())) {
				ids.add(meeting.path("meetingId").asLong());
			}
		});
		assertThat(ids).as("meetings on %s", topic).hasSize(1);
		return ids.get(0);
	}

	private static JsonNode meeting(JsonNode meetings, long meetingId) {
		for (JsonNode meeting : meetings) {
			if (meeting.path("meetingId").asLong() == meetingId) {
				return meeting;
			}
		}
		throw new AssertionError("no meeting " + meetingId + " in " + meetings);
	}

	/** The id of the open task with that key of one meeting. */
	private String meetingTask(String taskKey, long meetingId) {
		// a query's variable value from the URL is text, and meetingId is a Long: compare
		// each task's own
		List<String> ids = this.client.tasks(LEADER, CODE, taskKey)
			.stream()
			.map((task) -> task.path("id").asText())
			.filter((id) -> this.client.get(LEADER, "/engine-rest/task/" + id + "/variables/meetingId")
				.body()
				.path("value")
				.asLong() == meetingId)
			.toList();
		assertThat(ids).as("%s of meeting %s", taskKey, meetingId).hasSize(1);
		return ids.get(0);
	}

	/**
	 * Each meeting's day comes; the leader records it and its knowledge product of the
	 * given type; each meeting ends in a job of its own and tells the year, which counts
	 * again in a job of its own.
	 */
	private void holdMeetings(String yearKey, Map<Long, String> productTypes) {
		productTypes.keySet().forEach((meetingId) -> executeMeetingJob(meetingId, "meeting-day-arrived"));
		productTypes.forEach((meetingId, type) -> {
			submit(LEADER, meetingTask("record-attendance", meetingId),
					Map.of("attendanceCount", 6, "satisfaction", 4));
			submit(LEADER, meetingTask("write-knowledge-product", meetingId),
					Map.of("knowledgeProduct", "What meeting " + meetingId + " taught", "productType", type));
			executeMeetingJob(meetingId, "meeting-held");
			executeJob(yearKey, "meeting-concluded");
		});
	}

	private void executeMeetingJob(long meetingId, String activityId) {
		List<String> instances = new ArrayList<>();
		this.client
			.get(MANAGER, "/engine-rest/process-instance?processDefinitionKey=community-meeting&businessKey=" + CODE)
			.body()
			.forEach((instance) -> {
				String id = instance.path("id").asText();
				if (this.client.get(MANAGER, "/engine-rest/process-instance/" + id + "/variables/meetingId")
					.body()
					.path("value")
					.asLong() == meetingId) {
					instances.add(id);
				}
			});
		assertThat(instances).as("process of meeting %s", meetingId).hasSize(1);
		executeJobOfInstance(instances.get(0), activityId);
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

	private Map<String, Object> draftCall() {
		return Map.of("callText", "Join the economic development community: ten full days a year with peers.",
				"audience", "Heads of economic development units", "callDeadline", this.today.plusDays(14).toString());
	}

	/**
	 * A candidate applies through the public API, is screened in and admitted at the
	 * interview.
	 */
	private void admit(String name) {
		Answer applied = this.client.post(null, "/api/communities/" + CODE + "/applications",
				Map.of("fullName", "Candidate " + name, "email", name + "@example.org", "authority",
						"Authority " + name, "role", "Head of economic development", "region", "north"));
		assertThat(applied.status().value()).as("application of %s: %s", name, applied).isEqualTo(201);
		complete(LEADER, "screen-candidate", Map.of("partnersConsulted", true, "screeningDecision", "interview"));
		complete(LEADER, "interview-candidate", Map.of("interviewers", "leader, ministry", "interviewNotes",
				"Brings a lot", "interviewScore", 4, "admissionDecision", "admit"));
	}

	/** The current members' candidate ids, in the order the candidates applied. */
	private List<String> members() {
		List<String> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + CODE + "/candidates").body().forEach((candidate) -> {
			if ("ADMITTED".equals(candidate.path("status").asText())) {
				ids.add(candidate.path("candidateId").asText());
			}
		});
		return ids;
	}

	private String candidateStatus(String candidateId) {
		return this.client.get(MANAGER, "/api/communities/" + CODE + "/candidates/" + candidateId)
			.body()
			.path("status")
			.asText();
	}

	private void chooseForums(List<String> members) {
		complete(LEADER, "choose-forums",
				Map.of("leadingCore", new JsonList(members.subList(0, 5)), "advisoryCommittee",
						"Dana Levi · Ministry of Interior\nRon Cohen · Rashi Foundation\nAvi Sasson · ULAI\n"
								+ "Noa Mizrahi · Council of Regional Councils\nYael Peretz · Joint"));
	}

	private static Map<String, Object> setUpForm(List<String> members) {
		return new LinkedHashMap<>(Map.ofEntries(Map.entry("teamMembers", new JsonList(members.subList(0, 5))),
				Map.entry("staffCompanion", "Noa from the project staff"), Map.entry("facilitator", members.get(0)),
				Map.entry("documenter", members.get(1)), Map.entry("timekeeper", members.get(2)),
				Map.entry("calendarCoordinator", members.get(3)),
				Map.entry("nextMeeting", LocalDate.now().plusDays(7).toString()),
				Map.entry("productTitle", "Assets film"), Map.entry("productType", "video"),
				Map.entry("productAudience", "Mayors and treasurers"),
				Map.entry("productUse", "Opening a council debate"),
				Map.entry("productDistribution", "The knowledge network")));
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

	private static Map<String, Object> summary() {
		return Map.of("evaluationResults", "90% satisfied", "communitySummary", "A year of trust", "nextYearGoals",
				"Products that travel");
	}

	private void summarizeYearAndSign() {
		complete(LEADER, "summarize-year", summary());
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
	}

	/** Runs the job of the activity in the community's one process of that key. */
	private void executeJob(String processKey, String activityId) {
		executeTimer(processKey, activityId);
	}

	/** Runs the timer job of the activity in the community's one process of that key. */
	private void executeTimer(String processKey, String activityId) {
		JsonNode instances = this.client
			.get(MANAGER, "/engine-rest/process-instance?processDefinitionKey=" + processKey + "&businessKey=" + CODE)
			.body();
		assertThat(instances).as("%s instances of %s", processKey, CODE).hasSize(1);
		executeJobOfInstance(instances.get(0).path("id").asText(), activityId);
	}

	private void executeJobOfInstance(String instanceId, String activityId) {
		JsonNode jobs = this.client
			.get(MANAGER, "/engine-rest/job?processInstanceId=" + instanceId + "&activityId=" + activityId)
			.body();
		assertThat(jobs).as("job of %s", activityId).hasSize(1);
		Answer executed = this.client.post(MANAGER, "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute",
				Map.of());
		assertThat(executed.status().value()).as("execution of %s: %s", activityId, executed).isEqualTo(204);
	}

	private void complete(String user, String taskKey, Map<String, Object> form) {
		this.client.complete(user, CODE, taskKey, form);
	}

	private void submit(String user, String taskId, Map<String, Object> form) {
		Answer answer = this.client.submitTask(user, taskId, form);
		assertThat(answer.status().value()).as("task %s: %s", taskId, answer).isEqualTo(204);
	}

	private void assertRefused(String taskId, Map<String, Object> form, String field) {
		Answer answer = this.client.submitTask(LEADER, taskId, form);
		assertThat(answer.status().value()).as("task %s: %s", taskId, answer).isEqualTo(400);
		assertThat(answer.message()).contains("'" + field + "'");
	}

}
