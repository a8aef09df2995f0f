package org.learningcommunities.lifecycle.bench;

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
import org.learningcommunities.lifecycle.community.EstablishmentSteps;

import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * One community from its start form to {@code COMPLETED}, through the REST API and the
 * forms only, as {@code community.ThreeYearsJourneyIT} drives it (without the refused
 * inputs and the final read-back, which are not work a community does): establishment,
 * year one's call, six admissions and a meeting, a meeting carried over to year two, year
 * two's renewal, syllabus of a member-hosted meeting and a field tour, work team and
 * products conference, year three's meeting (at its own venue: the IT's meeting with a
 * second community would start another community), impact tracks and farewell, the final
 * gate sent back once. Timer jobs are executed through the engine REST API, as the IT
 * does.
 */
final class Journey {

	private static final String AGENDA = """
			A 09:00 opening: check-in
			B 10:00 professional content: a lecture, then peer learning
			C 13:30 product lab at work tables""";

	private final LifecycleRestClient client;

	private final String code;

	private final LocalDate today = LocalDate.now();

	Journey(LifecycleRestClient client, String code) {
		this.client = client;
		this.code = code;
	}

	void run() {
		EstablishmentSteps establishment = new EstablishmentSteps(this.client);
		establishment.upToStageGate(this.code);
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(this.code);

		// year one
		complete(LEADER, "draft-call", draftCall(this.today));
		for (int i = 1; i <= 6; i++) {
			admit(this.client, this.code, "member" + i, true);
		}
		complete(LEADER, "follow-applications", Map.of("closeCallEarly", true));
		complete(LEADER, "confirm-cohort", Map.of("cohortDecision", "confirm"));
		List<String> members = members();
		check(members.size() == 6, "six members admitted, not " + members.size());
		chooseForums(members);
		complete(LEADER, "record-first-meeting", Map.of("heldOn", this.today.toString(), "topicRanking", "Assets",
				"chosenTopics", "Assets\nLocal business", "learningNorms", "Everyone teaches, everyone learns"));
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", this.today.plusDays(1) + " | Assets | Lod"));
		complete(LEADER, "plan-meeting", plan());
		complete(LEADER, "arrange-logistics", Map.of("venue", "Lod city hall"));
		executeJob("community-meeting", "meeting-day-arrived");
		complete(LEADER, "record-attendance", Map.of("attendanceCount", 6, "satisfaction", 4));
		complete(LEADER, "write-knowledge-product",
				Map.of("knowledgeProduct", "Five kinds of income-producing assets", "productType", "summary"));
		executeJob("community-meeting", "meeting-held");
		executeJob("year-one", "meeting-concluded");
		complete(LEADER, "summarize-year", summary());
		// a meeting scheduled while year one's gate is open: year two waits for it
		Answer scheduled = this.client.post(LEADER, "/api/communities/" + this.code + "/meetings",
				Map.of("meetingDate", this.today.plusDays(1).toString(), "topic", "Local business", "host", "Lod",
						"online", false, "seminar", false));
		check(scheduled.status().value() == 201, "meeting scheduled: " + scheduled);
		long carriedOver = scheduled.body().path("meetingId").asLong();
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.signGate());
		new WorkPlanSteps(this.client).approveQuickly(this.code);

		// year two: a member leaves, recruitment reopens and admits a new member
		String leaver = members.get(0);
		complete(LEADER, "renew-membership", Map.of("leavingMembers", JsonList.of(leaver), "recruitNewMembers", "yes"));
		complete(LEADER, "farewell-member",
				Map.of("leaveReason", "Moved to another authority", "farewellNotes", "A card from everyone"));
		complete(LEADER, "draft-call", draftCall(this.today));
		admit(this.client, this.code, "newcomer", true);
		complete(LEADER, "follow-applications", Map.of("closeCallEarly", true));
		complete(LEADER, "confirm-cohort", Map.of("cohortDecision", "confirm"));
		members = members();
		chooseForums(members.subList(1, 6));
		complete(LEADER, "form-work-teams",
				Map.of("heldOn", this.today.toString(), "centralTopics", "Income-producing assets", "teamTopics",
						"Income-producing assets", "productsConference", this.today.plusDays(60).toString(),
						"teamBudget", 5000));
		// the syllabus: a meeting a member hosts and co-plans, and a field tour
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", this.today.plusDays(2) + " | Assets in practice | "
				+ "Authority member2\n" + this.today.plusDays(3) + " | Industrial zones | Karmiel"));
		long memberHosted = meetingId("Assets in practice");
		long fieldTour = meetingId("Industrial zones");
		submit(LEADER, meetingTask("plan-meeting", memberHosted), LifecycleRestClient
			.with(LifecycleRestClient.with(plan(), "hostMember", members.get(1)), "coPlanner", members.get(2)));
		submit(LEADER, meetingTask("plan-meeting", fieldTour), LifecycleRestClient
			.with(LifecycleRestClient.with(plan(), "meetingKind", "field-tour"), "coPlanner", members.get(3)));
		submit(LEADER, meetingTask("plan-meeting", carriedOver), plan());
		for (JsonNode logistics : this.client.tasks(LEADER, this.code, "arrange-logistics")) {
			submit(LEADER, logistics.path("id").asText(), Map.of("venue", "City hall"));
		}
		complete(LEADER, "set-up-work-team", setUpForm(members));
		Map<String, Object> plan = Map.of("responsibilities", "Dana writes, Ron films", "budgetAmount", 3000,
				"budgetPurpose", "A film crew");
		complete(LEADER, "plan-team-product", plan);
		complete(MANAGER, "approve-team-budget",
				Map.of("budgetDecision", "refuse", "budgetReason", "Use the foundation's studio"));
		complete(LEADER, "plan-team-product", LifecycleRestClient.with(plan, "budgetAmount", 0));
		complete(LEADER, "review-team-drafts", Map.of("draftsReview", "Three drafts, many comments"));
		complete(LEADER, "finalize-team-product", Map.of("finalPreparation", "Edited and subtitled"));
		executeJob("work-team", "products-conference-arrived");
		complete(LEADER, "present-product", Map.of("presentedOn", this.today.toString(), "finalProduct",
				"https://example.org/assets-film", "signedOffBy", "The steering committee"));
		complete(LEADER, "summarize-team-work",
				Map.of("teamSummary", "A film in four months", "teamFeedback", "More time for editing"));
		holdMeetings("year-two", Map.of(memberHosted, "one-pager", fieldTour, "video", carriedOver, "summary"));
		summarizeYearAndSign();
		new WorkPlanSteps(this.client).approveQuickly(this.code);

		// year three: everyone continues; a meeting, two impact tracks, one abandoned;
		// the
		// farewell
		complete(LEADER, "renew-membership", Map.of("recruitNewMembers", "no"));
		chooseForums(members);
		complete(LEADER, "choose-impact-tracks", Map.of("heldOn", this.today.toString(), "centralTopics",
				"Regional economy", "trackTitles", "Northern officers' community\nJoint industrial zone"));
		complete(LEADER, "lay-out-syllabus", Map.of("syllabus", this.today.plusDays(4) + " | Regional economy | Lod"));
		long yearThreeMeeting = meetingId("Regional economy");
		submit(LEADER, meetingTask("plan-meeting", yearThreeMeeting), plan());
		complete(LEADER, "arrange-logistics", Map.of("venue", "Lod city hall"));
		for (JsonNode track : this.client.tasks(LEADER, this.code, "plan-impact-track")) {
			submit(LEADER, track.path("id").asText(),
					Map.of("trackKind", "regional-community", "trackGoal", "Officers of the north learn together",
							"trackLeads", new JsonList(members.subList(1, 3)), "milestones",
							"First meeting\nTen authorities", "accompaniedBy", "Noa from the project staff",
							"accompanimentPlan", "A monthly call"));
		}
		List<JsonNode> reviews = this.client.tasks(LEADER, this.code, "review-track-progress");
		check(reviews.size() == 2, "two track reviews, not " + reviews.size());
		submit(LEADER, reviews.get(0).path("id").asText(), Map.of("reachedMilestones", JsonList.of("1", "2"),
				"progressNotes", "Both milestones reached", "trackDecision", "complete"));
		submit(LEADER, reviews.get(1).path("id").asText(), Map.of("progressNotes", "No land was found", "trackDecision",
				"abandon", "abandonReason", "The authorities could not agree on land"));
		complete(LEADER, "record-track-outcome", Map.of("outcome", "A community of 12 officers", "reach", 12,
				"productType", "community-id-card", "product", "https://example.org/north-card"));
		holdMeetings("year-three", Map.of(yearThreeMeeting, "summary"));
		complete(LEADER, "hold-farewell",
				Map.of("farewellDay", this.today.toString(), "eventPlan", "A day in Lod", "personalIntrospection",
						"We learned to ask", "groupIntrospection", "A network that stays", "finalEvaluation",
						"95% satisfied", "productsSummary", "A film and a community ID card"));
		complete(LEADER, "summarize-year", summary());
		complete(MANAGER, "sign-stage-gate", EstablishmentSteps.sendBackGate("Add the evaluation's numbers"));
		summarizeYearAndSign();

		String stage = this.client.community(MANAGER, this.code).path("stage").asText();
		check("COMPLETED".equals(stage), this.code + " ended in stage " + stage);
	}

	private static Map<String, Object> plan() {
		return Map.of("professionalGoals", "Know the tools", "communityGoals", "Trust", "desiredProduct", "A one-pager",
				"agenda", AGENDA);
	}

	/** The id of the community's meeting on that topic. */
	private long meetingId(String topic) {
		List<Long> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + this.code + "/meetings").body().forEach((meeting) -> {
			if (topic.equals(meeting.path("topic").asText())) {
				ids.add(meeting.path("meetingId").asLong());
			}
		});
		check(ids.size() == 1, "meetings on " + topic + ": " + ids);
		return ids.get(0);
	}

	/** The id of the open task with that key of one meeting. */
	private String meetingTask(String taskKey, long meetingId) {
		List<String> ids = this.client.tasks(LEADER, this.code, taskKey)
			.stream()
			.map((task) -> task.path("id").asText())
			.filter((id) -> this.client.get(LEADER, "/engine-rest/task/" + id + "/variables/meetingId")
				.body()
				.path("value")
				.asLong() == meetingId)
			.toList();
		check(ids.size() == 1, taskKey + " of meeting " + meetingId + ": " + ids);
		return ids.get(0);
	}

	/**
	 * Each meeting's day comes; the leader records it and its product; each meeting ends
	 * in a job of its own and tells the year, which counts again in a job of its own.
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
		check(instances.size() == 1, "process of meeting " + meetingId + ": " + instances);
		executeJobOf(instances.get(0), activityId);
	}

	// steps shared with the seeding of active communities
	// ------------------------------------------------------------------------------

	static Map<String, Object> draftCall(LocalDate today) {
		return Map.of("callText", "Join the economic development community: ten full days a year with peers.",
				"audience", "Heads of economic development units", "callDeadline", today.plusDays(14).toString());
	}

	/**
	 * A candidate applies through the public API; when {@code admitted}, the leader
	 * screens and admits them.
	 */
	static void admit(LifecycleRestClient client, String code, String name, boolean admitted) {
		Answer applied = client.post(null, "/api/communities/" + code + "/applications",
				Map.of("fullName", "Candidate " + name, "email", name + "." + code + "@example.org", "authority",
						"Authority " + name, "role", "Head of economic development", "region", "north"));
		check(applied.status().value() == 201, "application of " + name + " to " + code + ": " + applied);
		if (admitted) {
			client.complete(LEADER, code, "screen-candidate",
					Map.of("partnersConsulted", true, "screeningDecision", "interview"));
			client.complete(LEADER, code, "interview-candidate", Map.of("interviewers", "leader, ministry",
					"interviewNotes", "Brings a lot", "interviewScore", 4, "admissionDecision", "admit"));
		}
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException(what);
		}
	}

	// steps
	// -------------------------------------------------------------------------------------------------------

	private List<String> members() {
		List<String> ids = new ArrayList<>();
		this.client.get(MANAGER, "/api/communities/" + this.code + "/candidates").body().forEach((candidate) -> {
			if ("ADMITTED".equals(candidate.path("status").asText())) {
				ids.add(candidate.path("candidateId").asText());
			}
		});
		return ids;
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
		JsonNode instances = this.client
			.get(MANAGER,
					"/engine-rest/process-instance?processDefinitionKey=" + processKey + "&businessKey=" + this.code)
			.body();
		check(instances.size() == 1, processKey + " instances of " + this.code + ": " + instances.size());
		executeJobOf(instances.get(0).path("id").asText(), activityId);
	}

	private void executeJobOf(String processInstanceId, String activityId) {
		JsonNode jobs = this.client
			.get(MANAGER, "/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=" + activityId)
			.body();
		check(jobs.size() == 1, "job of " + activityId + " in " + this.code + ": " + jobs.size());
		Answer executed = this.client.post(MANAGER, "/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute",
				Map.of());
		check(executed.status().value() == 204, "execution of " + activityId + ": " + executed);
	}

	private void complete(String user, String taskKey, Map<String, Object> form) {
		this.client.complete(user, this.code, taskKey, form);
	}

	private void submit(String user, String taskId, Map<String, Object> form) {
		Answer answer = this.client.submitTask(user, taskId, form);
		check(answer.status().value() == 204, "task " + taskId + ": " + answer);
	}

}
