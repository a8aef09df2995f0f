package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.JsonList;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.meetings.Meeting;
import org.learningcommunities.lifecycle.meetings.MeetingService;
import org.learningcommunities.lifecycle.meetings.MeetingStatus;
import org.learningcommunities.lifecycle.recruitment.Application;
import org.learningcommunities.lifecycle.recruitment.Candidate;
import org.learningcommunities.lifecycle.recruitment.CandidateStatus;
import org.learningcommunities.lifecycle.recruitment.RecruitmentService;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.RequestRefusedException;

/**
 * Walks one community's lifecycle choosing at random among what the forms allow, through
 * the engine's form service: each submission goes through the real form handlers and the
 * server-side validation, as Tasklist's does (only HTTP is left out). Time passes by
 * executing jobs, early or late: a timer runs whenever the walk picks it. Besides the
 * tasks, a walk applies and withdraws candidates while a call is open and moves and
 * cancels planned meetings, as the leader and candidates may at any time.
 * <p>
 * The walk mixes {@code randomSteps} steps chosen at random (a gate sent back, a plan
 * sent back for changes, recruitment reopened, candidates declined or withdrawn, members
 * leaving, a budget refused, a team late, a track abandoned...), one in three while they
 * last, with steps that always take the way forward; once the random steps are spent, the
 * way forward must reach {@code COMPLETED}. After every step it checks that the community
 * can still get there: no incident, some task or job open, and no process instance of the
 * community without a task, a job, a called process or a subscription to wait for. A task
 * that refuses every choice while only reminders are left is a dead end too: the
 * community would wait for good.
 */
final class LifecycleExplorer {

	/** Timers that only nag (reminders, escalations, safety recounts): no way forward. */
	private static final Set<String> NAGGING_SUFFIXES = Set.of("-reminder", "-overdue", "approval-reminder-due",
			"approval-deadline-passed", "recount-admissions", "recount-meetings");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String ADVISORY_COMMITTEE = """
			Dana Levi · Ministry of Interior
			Ron Cohen · Rashi Foundation
			Avi Sasson · ULAI
			Noa Mizrahi · Council of Regional Councils
			Yael Peretz · Joint""";

	private final ProcessEngine engine;

	private final RecruitmentService recruitment;

	private final MeetingService meetings;

	private final CommunityService communities;

	private final String code;

	private final Random random;

	private final LocalDate today = LocalDate.now();

	private final Map<String, Function<Task, List<Map<String, Object>>>> choices = new HashMap<>();

	private final Map<String, String> userOfGroup = new HashMap<>();

	/** Each job definition's activity and job type, as they never change. */
	private final Map<String, String[]> jobDefinitions = new HashMap<>();

	/** The last steps, for the report of a dead end. */
	private final Deque<String> trail = new ArrayDeque<>();

	private boolean forward;

	/** The last step noted, and where its run of repeats began. */
	private String lastNote;

	private String lastNoteStart;

	private int steps;

	private int applicants;

	LifecycleExplorer(ProcessEngine engine, RecruitmentService recruitment, MeetingService meetings,
			CommunityService communities, String code, long seed) {
		this.engine = engine;
		this.recruitment = recruitment;
		this.meetings = meetings;
		this.communities = communities;
		this.code = code;
		this.random = new Random(seed);
		defineChoices();
	}

	/**
	 * Starts the community and walks it to {@code COMPLETED}.
	 * @return the steps taken
	 * @throws AssertionError naming the dead end and the last steps
	 */
	int explore(int randomSteps, int maxSteps) {
		as(EstablishmentSteps.MANAGER,
				() -> this.engine.getFormService()
					.submitStartForm(this.engine.getRepositoryService()
						.createProcessDefinitionQuery()
						.processDefinitionKey(CommunityLifecycleProcess.KEY)
						.latestVersion()
						.singleResult()
						.getId(), this.code, EstablishmentSteps.startForm(this.code)));
		int randomLeft = randomSteps;
		while (!completed()) {
			if (this.steps >= maxSteps) {
				throw deadEnd("not COMPLETED after " + maxSteps + " steps");
			}
			// one step in three at random while they last, so that detours happen in
			// every year, not only in the first
			this.forward = randomLeft == 0 || this.random.nextInt(3) != 0;
			if (!this.forward) {
				randomLeft--;
			}
			step();
			this.steps++;
			checkWayOut();
		}
		return this.steps;
	}

	// one step
	// -------------------------------------------------------------------------------------------------------

	private void step() {
		List<Task> tasks = tasks();
		List<Job> jobs = jobs();
		if (this.forward) {
			stepForward(tasks, jobs);
			return;
		}
		List<Runnable> actions = new ArrayList<>();
		tasks.forEach((task) -> {
			actions.add(() -> complete(task));
			actions.add(() -> complete(task));
		});
		jobs.forEach((job) -> {
			if (!nagging(job) || this.random.nextInt(4) == 0) {
				actions.add(() -> execute(job));
			}
		});
		if (isOpen(tasks, YearOneProcess.FOLLOW_APPLICATIONS)) {
			actions.add(this::apply);
			actions.add(this::apply);
		}
		openCandidates().stream().findFirst().ifPresent((candidate) -> actions.add(() -> withdraw(candidate)));
		plannedMeetings().stream().findFirst().ifPresent((meeting) -> {
			actions.add(() -> move(meeting));
			if (this.random.nextInt(3) == 0) {
				actions.add(() -> cancel(meeting));
			}
		});
		if (actions.isEmpty()) {
			throw deadEnd("nothing to do: no task, no job");
		}
		actions.get(this.random.nextInt(actions.size())).run();
	}

	/**
	 * The way forward: continuations first (the job executor runs them within seconds),
	 * then six applicants to an open call, then the oldest task that accepts its first
	 * choice, then the next timer that moves the lifecycle on; reminders only when
	 * nothing else is left.
	 */
	private void stepForward(List<Task> tasks, List<Job> jobs) {
		for (Job job : jobs) {
			if (!timer(job)) {
				execute(job);
				return;
			}
		}
		if (isOpen(tasks, YearOneProcess.FOLLOW_APPLICATIONS) && membersAndCandidates() < 6) {
			apply();
			return;
		}
		List<String> refusals = new ArrayList<>();
		for (Task task : tasks) {
			String refusal = complete(task);
			if (refusal == null) {
				return;
			}
			refusals.add(task.getTaskDefinitionKey() + ": " + refusal);
		}
		List<Job> timers = jobs.stream()
			.filter((job) -> !nagging(job))
			.sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
		if (!timers.isEmpty()) {
			execute(timers.get(0));
			return;
		}
		throw deadEnd("every open task refuses every choice, and only reminders are left: " + refusals);
	}

	/**
	 * Submits the task's form with one of its choices (the first on the way forward, else
	 * one at random), then the others in turn while they are refused.
	 * @return {@code null} when one was accepted, else the last refusal
	 */
	private String complete(Task task) {
		Function<Task, List<Map<String, Object>>> choicesOf = this.choices.get(task.getTaskDefinitionKey());
		if (choicesOf == null) {
			throw deadEnd("the explorer has no choices for task " + task.getTaskDefinitionKey()
					+ ": add them to LifecycleExplorer");
		}
		List<Map<String, Object>> options = new ArrayList<>(choicesOf.apply(task));
		if (!this.forward && options.size() > 1 && this.random.nextInt(10) < 4) {
			options.add(0, options.remove(1 + this.random.nextInt(options.size() - 1)));
		}
		String refusal = null;
		for (Map<String, Object> form : options) {
			try {
				as(userFor(task), () -> this.engine.getFormService().submitTaskForm(task.getId(), typed(form)));
				note("complete " + task.getTaskDefinitionKey() + " " + summary(form));
				return null;
			}
			catch (RuntimeException ex) {
				InvalidFormException invalid = invalid(ex);
				if (invalid == null) {
					throw deadEnd("task " + task.getTaskDefinitionKey() + " failed on " + summary(form) + ": " + ex);
				}
				refusal = invalid.getMessage();
				note("refused " + task.getTaskDefinitionKey() + " " + summary(form) + ": " + refusal);
			}
		}
		return refusal;
	}

	private void execute(Job job) {
		String activity = activityOf(job);
		try {
			this.engine.getManagementService().executeJob(job.getId());
			note("job " + activity);
		}
		catch (RuntimeException ex) {
			throw deadEnd("job " + activity + " failed: " + ex);
		}
	}

	private void apply() {
		int n = ++this.applicants;
		String name = this.code + "-" + this.steps + "-" + n;
		List<String> regions = EstablishmentSteps.REGIONS;
		refusable("apply " + name,
				() -> this.recruitment.apply(this.code, new Application("Candidate " + name, name + "@example.org",
						"Authority " + name, "Head of economic development", regions.get(n % regions.size()),
						EstablishmentSteps.SECTORS.get(n % 2), (n % 2 == 0) ? "female" : "male", 5, null, null, true)));
	}

	private void withdraw(Candidate candidate) {
		refusable("withdraw candidate " + candidate.id(),
				() -> this.recruitment.withdraw(this.code, candidate.id(), "Found another programme"));
	}

	private void move(Meeting meeting) {
		LocalDate date = this.today.plusDays(1 + this.random.nextInt(30));
		refusable("move meeting " + meeting.id() + " to " + date,
				() -> as(leader(), () -> this.meetings.move(this.code, meeting.id(), date)));
	}

	private void cancel(Meeting meeting) {
		refusable("cancel meeting " + meeting.id(),
				() -> as(leader(), () -> this.meetings.cancel(this.code, meeting.id(), "The host cannot receive us")));
	}

	/**
	 * An action outside the tasks, which the application may refuse as it answers a
	 * request (4xx); anything else it throws is a defect.
	 */
	private void refusable(String what, Runnable action) {
		try {
			action.run();
			note(what);
		}
		catch (RequestRefusedException ex) {
			note("refused " + what + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			throw deadEnd(what + " failed: " + ex);
		}
	}

	// can the community still reach COMPLETED?
	// -------------------------------------------------------------------------------

	private boolean completed() {
		return this.communities.get(this.code).stage() == Stage.COMPLETED;
	}

	private void checkWayOut() {
		List<ProcessInstance> instances = instances();
		Set<String> ids = instances.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
		this.engine.getRuntimeService()
			.createIncidentQuery()
			.list()
			.stream()
			.filter((incident) -> ids.contains(incident.getProcessInstanceId()))
			.findFirst()
			.ifPresent((incident) -> {
				throw deadEnd("incident in " + incident.getActivityId() + ": " + incident.getIncidentMessage());
			});
		if (completed()) {
			if (!instances.isEmpty()) {
				throw deadEnd("COMPLETED, yet still running: "
						+ instances.stream().map(this::keyOf).collect(Collectors.joining(", ")));
			}
			return;
		}
		List<Task> tasks = tasks();
		List<Job> jobs = jobs(ids);
		if (tasks.isEmpty() && jobs.isEmpty()) {
			throw deadEnd("no task is open and no job is due");
		}
		Set<String> waiting = new java.util.HashSet<>();
		tasks.forEach((task) -> waiting.add(task.getProcessInstanceId()));
		jobs.forEach((job) -> waiting.add(job.getProcessInstanceId()));
		this.engine.getRuntimeService()
			.createEventSubscriptionQuery()
			.list()
			.forEach((subscription) -> waiting.add(subscription.getProcessInstanceId()));
		for (ProcessInstance instance : instances) {
			if (!waiting.contains(instance.getId()) && this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.superProcessInstanceId(instance.getId())
				.count() == 0) {
				throw deadEnd(keyOf(instance) + " waits for nothing that can come: no task, job, called process "
						+ "or subscription");
			}
		}
		for (Task task : tasks) {
			if (task.getAssignee() == null && this.engine.getTaskService()
				.getIdentityLinksForTask(task.getId())
				.stream()
				.noneMatch((link) -> link.getGroupId() != null)) {
				throw deadEnd("task " + task.getTaskDefinitionKey() + " is open to nobody");
			}
		}
	}

	private AssertionError deadEnd(String what) {
		return new AssertionError("dead end of " + this.code + " at step " + this.steps + ": " + what
				+ "\nlast steps:\n  " + String.join("\n  ", this.trail));
	}

	// what the walk sees
	// --------------------------------------------------------------------------------------------

	private List<Task> tasks() {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(this.code)
			.orderByTaskCreateTime()
			.asc()
			.orderByTaskId()
			.asc()
			.list();
	}

	private List<ProcessInstance> instances() {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.code)
			.list();
	}

	private List<Job> jobs() {
		return jobs(instances().stream().map(ProcessInstance::getId).collect(Collectors.toSet()));
	}

	/** The jobs of those instances, oldest first: one query for every instance. */
	private List<Job> jobs(Set<String> instanceIds) {
		return this.engine.getManagementService()
			.createJobQuery()
			.orderByJobId()
			.asc()
			.list()
			.stream()
			.filter((job) -> instanceIds.contains(job.getProcessInstanceId()))
			.toList();
	}

	private static boolean isOpen(List<Task> tasks, String key) {
		return tasks.stream().anyMatch((task) -> key.equals(task.getTaskDefinitionKey()));
	}

	/** Members, and candidates whose admission is still open. */
	private long membersAndCandidates() {
		return this.recruitment.candidates(this.code)
			.stream()
			.filter((candidate) -> candidate.status() == CandidateStatus.ADMITTED
					|| candidate.status() == CandidateStatus.APPLIED || candidate.status() == CandidateStatus.INTERVIEW)
			.count();
	}

	private List<Candidate> openCandidates() {
		return this.recruitment.candidates(this.code)
			.stream()
			.filter((candidate) -> candidate.status() == CandidateStatus.APPLIED
					|| candidate.status() == CandidateStatus.INTERVIEW)
			.toList();
	}

	private List<Meeting> plannedMeetings() {
		return this.meetings.meetings(this.code)
			.stream()
			.filter((meeting) -> meeting.status() == MeetingStatus.PLANNED)
			.toList();
	}

	private String activityOf(Job job) {
		return jobDefinition(job)[0];
	}

	private boolean timer(Job job) {
		return jobDefinition(job)[1].startsWith("timer");
	}

	/** A timer's or continuation's activity and job type, as its job definition says. */
	private String[] jobDefinition(Job job) {
		return this.jobDefinitions.computeIfAbsent(job.getJobDefinitionId(), (id) -> {
			JobDefinition definition = this.engine.getManagementService()
				.createJobDefinitionQuery()
				.jobDefinitionId(id)
				.singleResult();
			return new String[] { definition.getActivityId(), String.valueOf(definition.getJobType()) };
		});
	}

	private boolean nagging(Job job) {
		String activity = activityOf(job);
		return timer(job) && NAGGING_SUFFIXES.stream().anyMatch(activity::endsWith);
	}

	private String keyOf(ProcessInstance instance) {
		return this.engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey() + " "
				+ instance.getId();
	}

	/** A prefilled list of a task's form ({@code [{label, value}]}), its values. */
	private List<String> optionValues(Task task, String key) {
		Object value = this.engine.getTaskService().getVariable(task.getId(), key);
		List<String> values = new ArrayList<>();
		if (value != null) {
			try {
				for (JsonNode option : JSON.readTree(value.toString())) {
					values.add(option.path("value").asText());
				}
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException("prefilled " + key + " is not JSON: " + value, ex);
			}
		}
		return values;
	}

	private Object variable(Task task, String key) {
		return this.engine.getTaskService().getVariable(task.getId(), key);
	}

	// who acts
	// ----------------------------------------------------------------------------------------------------------

	private String leader() {
		return EstablishmentSteps.LEADER;
	}

	/** The assignee, else a member of the task's first candidate group. */
	private String userFor(Task task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter((group) -> group != null)
			.findFirst()
			.map((group) -> this.userOfGroup.computeIfAbsent(group,
					(g) -> this.engine.getIdentityService()
						.createUserQuery()
						.memberOfGroup(g)
						.orderByUserId()
						.asc()
						.list()
						.get(0)
						.getId()))
			.orElse(EstablishmentSteps.MANAGER);
	}

	private void as(String user, Runnable action) {
		List<String> groups = this.engine.getIdentityService()
			.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map((group) -> group.getId())
			.toList();
		this.engine.getIdentityService().setAuthentication(user, groups);
		try {
			action.run();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private static InvalidFormException invalid(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidFormException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private void note(String what) {
		if (what.equals(this.lastNote) && !this.trail.isEmpty()) {
			// the same again (a task refused step after step): one line for all
			this.trail.removeLast();
			this.trail.addLast(this.lastNoteStart + " to " + this.steps + " " + what);
			return;
		}
		this.lastNote = what;
		this.lastNoteStart = (this.forward ? "F " : "R ") + this.steps;
		this.trail.addLast(this.lastNoteStart + " " + what);
		while (this.trail.size() > 30) {
			this.trail.removeFirst();
		}
	}

	private static String summary(Map<String, Object> form) {
		String text = form.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith("Decision") || entry.getKey().equals("recruitNewMembers")
					|| entry.getKey().equals("leavingMembers") || entry.getKey().equals("leadingCore")
					|| entry.getKey().equals("lowerTargetSize") || entry.getKey().equals("teamTopics")
					|| entry.getKey().equals("trackTitles"))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(" "));
		return text.replace('\n', '/');
	}

	// the choices each form allows; the first is the way forward
	// ------------------------------------------------------------

	private void defineChoices() {
		fixed("recruit-partners", EstablishmentSteps.sharedVision());
		fixed("map-needs", EstablishmentSteps.needs());
		fixed("draft-goals", EstablishmentSteps.goals("version " + this.random.nextInt(100)));
		fixed("confirm-goals", EstablishmentSteps.confirmGoals(), EstablishmentSteps.requestChanges("Sharper targets"));
		fixed("plan-evaluation", EstablishmentSteps.evaluationPlan());
		fixed("define-community-mix", EstablishmentSteps.communityMix());
		fixed("sign-stage-gate", EstablishmentSteps.signGate(), EstablishmentSteps.sendBackGate("Not ready yet"));
		fixed("draft-work-plan", WorkPlanSteps.plan("version " + this.random.nextInt(100)));
		fixed("approve-work-plan", WorkPlanSteps.approve(),
				WorkPlanSteps.requestChanges("budgetComment", "Less for catering"));
		fixed("escalate-work-plan-approval", Map.of("escalationAction", "Called both partners"));
		fixed("follow-up-overdue-task", Map.of("followUpNote", "Called the one whose task it is"));
		fixed("draft-call", LifecycleSteps.draftCall(this.today));
		fixed("follow-applications", Map.of("closeCallEarly", true));
		fixed("screen-candidate", Map.of("partnersConsulted", true, "screeningDecision", "interview"),
				Map.of("partnersConsulted", true, "screeningDecision", "screen-out", "screeningNotes",
						"Outside the agreed mix"));
		fixed("interview-candidate",
				Map.of("interviewers", "leader, ministry", "interviewNotes", "Brings a lot", "interviewScore", 4,
						"admissionDecision", "admit"),
				Map.of("interviewers", "leader, ministry", "interviewNotes", "Not now", "interviewScore", 2,
						"admissionDecision", "decline"));
		this.choices.put("confirm-cohort", (task) -> {
			int target = this.communities.get(this.code).targetSize();
			return List.of(Map.of("cohortDecision", "confirm"),
					Map.of("cohortDecision", "lower-target", "lowerTargetSize", Math.max(5, target - 10),
							"targetReason", "Fewer heads of units applied than we hoped"),
					Map.of("cohortDecision", "reopen", "cohortNotes", "More from the south"));
		});
		this.choices.put("choose-forums", (task) -> {
			List<String> members = optionValues(task, "admittedMembers");
			int size = Math.min(members.size(), 5 + this.random.nextInt(6));
			return List
				.of(Map.of("leadingCore", json(members.subList(0, size)), "advisoryCommittee", ADVISORY_COMMITTEE));
		});
		fixed("record-first-meeting", Map.of("heldOn", this.today.toString(), "topicRanking", "Assets", "chosenTopics",
				"Assets\nLocal business", "learningNorms", "Everyone teaches, everyone learns"));
		this.choices.put("lay-out-syllabus", (task) -> {
			StringBuilder syllabus = new StringBuilder();
			int meetings = 1 + this.random.nextInt(3);
			for (int i = 1; i <= meetings; i++) {
				syllabus.append(this.today.plusDays(i)).append(" | Topic ").append(i).append(" | Lod\n");
			}
			return List.of(Map.of("syllabus", syllabus.toString()));
		});
		fixed("plan-meeting", LifecycleSteps.meetingPlan(),
				LifecycleRestClient.with(LifecycleSteps.meetingPlan(), "meetingKind", "field-tour"));
		fixed("arrange-logistics", Map.of("venue", "City hall"));
		fixed("record-attendance", Map.of("attendanceCount", 6, "satisfaction", 4));
		fixed("write-knowledge-product",
				Map.of("knowledgeProduct", "What the meeting taught", "productType", "summary"));
		fixed("summarize-year", LifecycleSteps.yearSummary());
		this.choices.put("renew-membership", (task) -> {
			List<String> members = optionValues(task, "currentMembers");
			List<String> leaving = new ArrayList<>(members);
			java.util.Collections.shuffle(leaving, this.random);
			leaving = leaving.subList(0, this.random.nextInt(members.size() + 1));
			return List.of(Map.of("recruitNewMembers", "no"),
					Map.of("leavingMembers", json(leaving), "recruitNewMembers", "no"),
					Map.of("leavingMembers", json(leaving), "recruitNewMembers", "yes"),
					Map.of("leavingMembers", json(members), "recruitNewMembers", "yes"));
		});
		fixed("farewell-member", Map.of("leaveReason", "Moved to another authority", "farewellNotes", "A card"));
		this.choices.put("form-work-teams", (task) -> {
			String two = "Income-producing assets\nLocal business";
			Map<String, Object> form = new LinkedHashMap<>(Map.of("heldOn", this.today.toString(), "centralTopics",
					"Income-producing assets", "teamTopics", "Income-producing assets", "productsConference",
					this.today.plusDays(60).toString(), "teamBudget", 5000));
			Map<String, Object> twoTeams = new LinkedHashMap<>(form);
			twoTeams.put("teamTopics", two);
			return List.of(form, twoTeams);
		});
		this.choices.put("set-up-work-team", (task) -> {
			List<String> free = optionValues(task, "communityMembers");
			if (free.size() < 5) {
				return List.of(LifecycleSteps.workTeamSetUp(pad(free)));
			}
			// the list was filled when the task was created: another team may have taken
			// the first five since, and a leader would then choose the last five
			return List.of(LifecycleSteps.workTeamSetUp(free),
					LifecycleSteps.workTeamSetUp(free.subList(free.size() - 5, free.size())));
		});
		fixed("plan-team-product", LifecycleSteps.teamProductPlan(0), LifecycleSteps.teamProductPlan(3000));
		fixed("approve-team-budget", Map.of("budgetDecision", "approve"),
				Map.of("budgetDecision", "refuse", "budgetReason", "Use the foundation's studio"));
		fixed("review-team-drafts", Map.of("draftsReview", "Three drafts, many comments"));
		fixed("finalize-team-product", Map.of("finalPreparation", "Edited and subtitled"));
		fixed("decide-on-late-team", Map.of("lateTeamDecision", "present"),
				Map.of("lateTeamDecision", "drop", "lateNotes", "Not ready"));
		fixed("present-product", Map.of("presentedOn", this.today.toString(), "finalProduct",
				"https://example.org/assets-film", "signedOffBy", "The steering committee"));
		fixed("summarize-team-work", Map.of("teamSummary", "A film in four months", "teamFeedback", "More time"));
		fixed("choose-impact-tracks",
				Map.of("heldOn", this.today.toString(), "centralTopics", "Regional economy", "trackTitles",
						"Northern officers' community"),
				Map.of("heldOn", this.today.toString(), "centralTopics", "Regional economy", "trackTitles",
						"Northern officers' community\nJoint industrial zone"));
		this.choices.put("plan-impact-track", (task) -> {
			List<String> members = optionValues(task, "communityMembers");
			return List
				.of(Map.of("trackKind", "regional-community", "trackGoal", "Officers of the north learn together",
						"trackLeads", json(members.subList(0, Math.min(2, members.size()))), "milestones",
						"First meeting\nTen authorities", "accompaniedBy", "Noa from the project staff",
						"accompanimentPlan", "A monthly call"));
		});
		this.choices.put("review-track-progress", (task) -> {
			String reached = json(optionValues(task, "trackMilestones"));
			return List.of(
					Map.of("reachedMilestones", reached, "progressNotes", "Every milestone reached", "trackDecision",
							"complete"),
					Map.of("progressNotes", "Half way", "trackDecision", "continue"),
					Map.of("progressNotes", "No land was found", "trackDecision", "abandon", "abandonReason",
							"The authorities could not agree on land"));
		});
		fixed("record-track-outcome", LifecycleSteps.trackOutcome());
		fixed("hold-farewell",
				Map.of("farewellDay", this.today.toString(), "eventPlan", "A day in Lod", "personalIntrospection",
						"We learned to ask", "groupIntrospection", "A network that stays", "finalEvaluation",
						"95% satisfied", "productsSummary", "A film and a community ID card"));
	}

	@SafeVarargs
	private void fixed(String taskKey, Map<String, Object>... forms) {
		List<Map<String, Object>> list = List.of(forms);
		this.choices.put(taskKey, (task) -> list);
	}

	/**
	 * Fewer free members than a team needs: the team's set-up names them all (refused).
	 */
	private static List<String> pad(List<String> members) {
		List<String> padded = new ArrayList<>(members);
		while (padded.size() < 5) {
			padded.add(padded.isEmpty() ? "0" : padded.get(0));
		}
		return padded;
	}

	/**
	 * The values as Tasklist sends them: a list of the REST steps' values as JSON text
	 * (which the forms read as Tasklist's JSON lists).
	 */
	private static Map<String, Object> typed(Map<String, Object> form) {
		Map<String, Object> typed = new LinkedHashMap<>();
		form.forEach((key, value) -> typed.put(key, (value instanceof JsonList list) ? json(list.items()) : value));
		return typed;
	}

	private static String json(List<String> values) {
		try {
			return JSON.writeValueAsString(values);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
