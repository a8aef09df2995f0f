package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * The steps of one community's three years after establishment
 * ({@link EstablishmentSteps#intoYearOne(String)}), each by the demo user who owns it,
 * through the REST API and the forms only, with valid form values. Time passes by
 * executing timer and asynchronous jobs through the engine REST API, for tests and runs
 * whose job executor is off. {@code ThreeYearsJourneyIT} goes through these steps and
 * checks between them what they leave behind and what is refused; the benchmark's journey
 * ({@code bench.Journey}) goes through the same steps to count and time them. A step
 * checks only its own postconditions (the engine accepted each form, the task or job it
 * acts on is the only one), so that it costs the benchmark no request of its own.
 */
public final class LifecycleSteps {

	/** Topics of year two's syllabus: a meeting a member hosts, and a field tour. */
	public static final String MEMBER_HOSTED = "Assets in practice";

	public static final String FIELD_TOUR = "Industrial zones";

	/** A meeting's agenda: parts A, B and C each begin a line. */
	private static final String AGENDA = """
			A 09:00 opening: check-in
			B 10:00 professional content: a lecture, then peer learning
			C 13:30 product lab at work tables""";

	private final LifecycleRestClient client;

	private final String code;

	private final LocalDate today = LocalDate.now();

	public LifecycleSteps(LifecycleRestClient client, String code) {
		this.client = client;
		this.code = code;
	}

	// valid form values
	// --------------------------------------------------------------------------------------------

	public static Map<String, Object> draftCall(LocalDate today) {
		return Map.of("callText", "Join the economic development community: ten full days a year with peers.",
				"audience", "Heads of economic development units", "callDeadline", today.plusDays(14).toString());
	}

	/** A meeting's planning sheet whose agenda fits the day. */
	public static Map<String, Object> meetingPlan() {
		return Map.of("professionalGoals", "Know the tools", "communityGoals", "Trust", "desiredProduct", "A one-pager",
				"agenda", AGENDA);
	}

	public static Map<String, Object> yearSummary() {
		return Map.of("evaluationResults", "90% satisfied", "communitySummary", "A year of trust", "nextYearGoals",
				"Products that travel");
	}

	/**
	 * The set-up of a work team of the first five members, roles among the first four.
	 */
	public static Map<String, Object> workTeamSetUp(List<String> members) {
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

	/** The work team's product plan, asking for that budget. */
	public static Map<String, Object> teamProductPlan(int budgetAmount) {
		return Map.of("responsibilities", "Dana writes, Ron films", "budgetAmount", budgetAmount, "budgetPurpose",
				"A film crew");
	}

	public static Map<String, Object> trackOutcome() {
		return Map.of("outcome", "A community of 12 officers", "reach", 12, "productType", "community-id-card",
				"product", "https://example.org/north-card");
	}

	// year one
	// -----------------------------------------------------------------------------------------------------

	/**
	 * Year one, from its call to its gate signed and year two's work plan approved: six
	 * candidates apply and are admitted, the forums are chosen, the first meeting
	 * recorded, one meeting laid out, planned, held and turned into a knowledge product;
	 * the year summarized; then, while the gate is open, the leader schedules a meeting
	 * beside the syllabus, which year one no longer waits for.
	 */
	public YearOne yearOne() {
		List<String> members = recruit("member1", "member2", "member3", "member4", "member5", "member6");
		assertThat(members).as("members of %s", this.code).hasSize(6);
		chooseForums(members);
		complete(LEADER, "record-first-meeting", Map.of("heldOn", this.today.toString(), "topicRanking", "Assets",
				"chosenTopics", "Assets\nLocal business", "learningNorms", "Everyone teaches, everyone learns"));
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", this.today.plusDays(1) + " | Assets | Lod"));
		complete(LEADER, "plan-meeting", meetingPlan());
		arrangeLogistics("Lod city hall");
		executeJob("community-meeting", "meeting-day-arrived");
		complete(LEADER, "record-attendance", Map.of("attendanceCount", 6, "satisfaction", 4));
		complete(LEADER, "write-knowledge-product",
				Map.of("knowledgeProduct", "Five kinds of income-producing assets", "productType", "summary"));
		executeJob("community-meeting", "meeting-held");
		executeJob("year-one", "meeting-concluded");
		summarizeYear();
		Answer scheduled = this.client.post(LEADER, "/api/communities/" + this.code + "/meetings",
				Map.of("meetingDate", this.today.plusDays(1).toString(), "topic", "Local business", "host", "Lod",
						"online", false, "seminar", false));
		assertThat(scheduled.status().value()).as("meeting scheduled: %s", scheduled).isEqualTo(201);
		long carriedOver = scheduled.body().path("meetingId").asLong();
		signStageGate();
		approveWorkPlan();
		return new YearOne(members, carriedOver);
	}

	/**
	 * The leader drafts the call; the named candidates apply and are admitted; the call
	 * is closed early and the cohort confirmed. Returns the members afterwards.
	 */
	public List<String> recruit(String... names) {
		complete(LEADER, "draft-call", draftCall(this.today));
		for (String name : names) {
			admit(name);
		}
		complete(LEADER, "follow-applications", Map.of("closeCallEarly", true));
		// the open admissions are counted in a job of their own (ADR 0020)
		executeJob("recruitment", "count-open-admissions");
		complete(LEADER, "confirm-cohort", Map.of("cohortDecision", "confirm"));
		return members();
	}

	/**
	 * A candidate applies through the public application API (while the call is open).
	 */
	public void apply(String name) {
		Answer applied = this.client.post(null, "/api/communities/" + this.code + "/applications",
				Map.of("fullName", "Candidate " + name, "email", name + "." + this.code + "@example.org", "authority",
						"Authority " + name, "role", "Head of economic development", "region", "north",
						"privacyNoticeAccepted", true));
		assertThat(applied.status().value()).as("application of %s to %s: %s", name, this.code, applied).isEqualTo(201);
	}

	/** A candidate applies, is screened in and admitted at the interview. */
	public void admit(String name) {
		apply(name);
		complete(LEADER, "screen-candidate", Map.of("partnersConsulted", true, "screeningDecision", "interview"));
		complete(LEADER, "interview-candidate", Map.of("interviewers", "leader, ministry", "interviewNotes",
				"Brings a lot", "interviewScore", 4, "admissionDecision", "admit"));
	}

	/** The current members' candidate ids, in the order the candidates applied. */
	public List<String> members() {
		List<String> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + this.code + "/candidates").body().forEach((candidate) -> {
			if ("ADMITTED".equals(candidate.path("status").asText())) {
				ids.add(candidate.path("candidateId").asText());
			}
		});
		return ids;
	}

	/** The leading core of the first five of the members, and an advisory committee. */
	public void chooseForums(List<String> members) {
		complete(LEADER, "choose-forums",
				Map.of("leadingCore", new JsonList(members.subList(0, 5)), "advisoryCommittee",
						"Dana Levi · Ministry of Interior\nRon Cohen · Rashi Foundation\nAvi Sasson · ULAI\n"
								+ "Noa Mizrahi · Council of Regional Councils\nYael Peretz · Joint"));
	}

	// year two
	// -----------------------------------------------------------------------------------------------------

	/**
	 * Year two's renewal: the member leaves (with a farewell), recruitment reopens and
	 * admits {@code newcomer}. Returns the members afterwards.
	 */
	public List<String> renewMembers(String leaver, String newcomer) {
		complete(LEADER, "renew-membership", Map.of("leavingMembers", JsonList.of(leaver), "recruitNewMembers", "yes"));
		complete(LEADER, "farewell-member",
				Map.of("leaveReason", "Moved to another authority", "farewellNotes", "A card from everyone"));
		List<String> members = recruit(newcomer);
		assertThat(members).as("members of %s", this.code).doesNotContain(leaver);
		return members;
	}

	/** The first meeting of year two: central topics, one team topic, the conference. */
	public void formWorkTeams() {
		complete(LEADER, "form-work-teams",
				Map.of("heldOn", this.today.toString(), "centralTopics", "Income-producing assets", "teamTopics",
						"Income-producing assets", "productsConference", this.today.plusDays(60).toString(),
						"teamBudget", 5000));
	}

	/**
	 * Year two's syllabus: {@link #MEMBER_HOSTED} at the second member's authority, and
	 * {@link #FIELD_TOUR}.
	 */
	public void layOutYearTwoSyllabus() {
		layOutSyllabus(this.today.plusDays(2) + " | " + MEMBER_HOSTED + " | Authority member2\n"
				+ this.today.plusDays(3) + " | " + FIELD_TOUR + " | Karmiel");
	}

	/**
	 * Year two's meetings planned and arranged: the member-hosted one hosted by the
	 * second member and co-planned by the third, the field tour co-planned by the fourth,
	 * the one carried over from year one as it is.
	 */
	public void planYearTwoMeetings(List<String> members, long memberHosted, long fieldTour, long carriedOver) {
		planMeeting(memberHosted, LifecycleRestClient
			.with(LifecycleRestClient.with(meetingPlan(), "hostMember", members.get(1)), "coPlanner", members.get(2)));
		planMeeting(fieldTour, LifecycleRestClient
			.with(LifecycleRestClient.with(meetingPlan(), "meetingKind", "field-tour"), "coPlanner", members.get(3)));
		planMeeting(carriedOver, meetingPlan());
		for (JsonNode logistics : this.client.tasks(LEADER, this.code, "arrange-logistics")) {
			submit(LEADER, logistics.path("id").asText(), Map.of("venue", "City hall"));
		}
	}

	public void setUpWorkTeam(List<String> members) {
		complete(LEADER, "set-up-work-team", workTeamSetUp(members));
	}

	/**
	 * The work team plans its product with a budget, which the project manager refuses;
	 * plans again without one, reviews drafts, finalizes; the products conference's day
	 * comes; it presents the product and sums up.
	 */
	public void teamMakesItsProduct() {
		complete(LEADER, "plan-team-product", teamProductPlan(3000));
		complete(MANAGER, "approve-team-budget",
				Map.of("budgetDecision", "refuse", "budgetReason", "Use the foundation's studio"));
		complete(LEADER, "plan-team-product", teamProductPlan(0));
		complete(LEADER, "review-team-drafts", Map.of("draftsReview", "Three drafts, many comments"));
		complete(LEADER, "finalize-team-product", Map.of("finalPreparation", "Edited and subtitled"));
		executeJob("work-team", "products-conference-arrived");
		complete(LEADER, "present-product", Map.of("presentedOn", this.today.toString(), "finalProduct",
				"https://example.org/assets-film", "signedOffBy", "The steering committee"));
		complete(LEADER, "summarize-team-work",
				Map.of("teamSummary", "A film in four months", "teamFeedback", "More time for editing"));
	}

	// year three
	// ---------------------------------------------------------------------------------------------------

	/** Year three's renewal: everyone continues, nobody is recruited. */
	public void everyoneContinues() {
		complete(LEADER, "renew-membership", Map.of("recruitNewMembers", "no"));
	}

	/** The first meeting of year three: its central topic and two impact tracks. */
	public void chooseImpactTracks() {
		complete(LEADER, "choose-impact-tracks", Map.of("heldOn", this.today.toString(), "centralTopics",
				"Regional economy", "trackTitles", "Northern officers' community\nJoint industrial zone"));
	}

	/** Each track planned, led by the second and third members. */
	public void planImpactTracks(List<String> members) {
		for (JsonNode track : this.client.tasks(LEADER, this.code, "plan-impact-track")) {
			submit(LEADER, track.path("id").asText(),
					Map.of("trackKind", "regional-community", "trackGoal", "Officers of the north learn together",
							"trackLeads", new JsonList(members.subList(1, 3)), "milestones",
							"First meeting\nTen authorities", "accompaniedBy", "Noa from the project staff",
							"accompanimentPlan", "A monthly call"));
		}
	}

	/**
	 * Of the two tracks' reviews, the first completes its track, the second abandons it.
	 */
	public void reviewTracksOneCompletedOneAbandoned() {
		List<JsonNode> reviews = this.client.tasks(LEADER, this.code, "review-track-progress");
		assertThat(reviews).as("track reviews of %s", this.code).hasSize(2);
		submit(LEADER, reviews.get(0).path("id").asText(), Map.of("reachedMilestones", JsonList.of("1", "2"),
				"progressNotes", "Both milestones reached", "trackDecision", "complete"));
		submit(LEADER, reviews.get(1).path("id").asText(), Map.of("progressNotes", "No land was found", "trackDecision",
				"abandon", "abandonReason", "The authorities could not agree on land"));
	}

	public void recordTrackOutcome() {
		complete(LEADER, "record-track-outcome", trackOutcome());
	}

	public void holdFarewell() {
		complete(LEADER, "hold-farewell",
				Map.of("farewellDay", this.today.toString(), "eventPlan", "A day in Lod", "personalIntrospection",
						"We learned to ask", "groupIntrospection", "A network that stays", "finalEvaluation",
						"95% satisfied", "productsSummary", "A film and a community ID card"));
	}

	// every year
	// ---------------------------------------------------------------------------------------------------

	public void layOutSyllabus(String syllabus) {
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", syllabus));
	}

	/** The leader plans the meeting in that meeting's own planning sheet. */
	public void planMeeting(long meetingId, Map<String, Object> plan) {
		submit(LEADER, meetingTask("plan-meeting", meetingId), plan);
	}

	/** The logistics of the one meeting waiting for them. */
	public void arrangeLogistics(String venue) {
		complete(LEADER, "arrange-logistics", Map.of("venue", venue));
	}

	/**
	 * Each meeting's day comes; the leader records it and its knowledge product of the
	 * given type; each meeting ends in a job of its own and tells the year, which counts
	 * again in a job of its own.
	 */
	public void holdMeetings(String yearKey, Map<Long, String> productTypes) {
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

	public void summarizeYear() {
		complete(LEADER, "summarize-year", yearSummary());
	}

	public void signStageGate() {
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
	}

	public void sendStageGateBack(String reason) {
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.sendBackGate(reason));
	}

	/** The next year's work plan drafted and approved by both partners. */
	public void approveWorkPlan() {
		new WorkPlanSteps(this.client).approveQuickly(this.code);
	}

	// finding and doing
	// --------------------------------------------------------------------------------------------

	/** The id of the community's one meeting on that topic. */
	public long meetingId(String topic) {
		List<Long> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + this.code + "/meetings").body().forEach((meeting) -> {
			if (topic.equals(meeting.path("topic").asText())) {
				ids.add(meeting.path("meetingId").asLong());
			}
		});
		assertThat(ids).as("meetings of %s on %s", this.code, topic).hasSize(1);
		return ids.get(0);
	}

	/** The id of the one open task with that key of one meeting. */
	public String meetingTask(String taskKey, long meetingId) {
		// a query's variable value from the URL is text, and meetingId is a Long: compare
		// each task's own
		List<String> ids = this.client.tasks(LEADER, this.code, taskKey)
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

	/** Submits the form of the community's one open task with that key; it must pass. */
	public void complete(String user, String taskKey, Map<String, Object> form) {
		this.client.complete(user, this.code, taskKey, form);
	}

	/** Submits a task's form; it must pass. */
	public void submit(String user, String taskId, Map<String, Object> form) {
		Answer answer = this.client.submitTask(user, taskId, form);
		assertThat(answer.status().value()).as("task %s: %s", taskId, answer).isEqualTo(204);
	}

	/** Runs the job of the activity in the community's one process of that key. */
	public void executeJob(String processKey, String activityId) {
		JsonNode instances = this.client
			.get(MANAGER,
					"/engine-rest/process-instance?processDefinitionKey=" + processKey + "&businessKey=" + this.code)
			.body();
		assertThat(instances).as("%s instances of %s", processKey, this.code).hasSize(1);
		executeJobOf(instances.get(0).path("id").asText(), activityId);
	}

	private void executeMeetingJob(long meetingId, String activityId) {
		List<String> instances = new ArrayList<>();
		this.client
			.get(MANAGER,
					"/engine-rest/process-instance?processDefinitionKey=community-meeting&businessKey=" + this.code)
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
		executeJobOf(instances.get(0), activityId);
	}

	private void executeJobOf(String processInstanceId, String activityId) {
		JsonNode jobs = this.client
			.get(MANAGER, "/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=" + activityId)
			.body();
		assertThat(jobs).as("job of %s in %s", activityId, this.code).hasSize(1);
		// time passes as an administrator makes it: only they run jobs (docs/adr/0021)
		Answer executed = this.client.post("admin", "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute",
				Map.of());
		assertThat(executed.status().value()).as("execution of %s: %s", activityId, executed).isEqualTo(204);
	}

	/**
	 * What year one leaves for the years after it: the members (candidate ids, in the
	 * order they applied) and the meeting scheduled while its gate was open.
	 */
	public record YearOne(List<String> members, long carriedOver) {
	}

}
