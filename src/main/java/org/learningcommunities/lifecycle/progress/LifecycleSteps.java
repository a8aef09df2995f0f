package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.learningcommunities.lifecycle.community.Stage;

/**
 * The lifecycle as the board draws it: each stage's steps (the guide's closing chart,
 * p.70-71) and the task keys that belong to each, and where a community stands on it
 * given its stage and its open tasks. No engine query: the open tasks tell which steps
 * are current.
 */
public final class LifecycleSteps {

	static final String WORK_PLAN_APPROVAL = "work-plan-approval";

	private static final Step WORK_PLAN = new Step("work-plan",
			Set.of("draft-work-plan", "approve-work-plan", "escalate-work-plan-approval"));

	private static final Set<String> RECRUITMENT_TASKS = Set.of("draft-call", "follow-applications", "confirm-cohort",
			"screen-candidate", "interview-candidate");

	private static final Step MEETINGS = new Step("meetings", Set.of("lay-out-syllabus", "plan-meeting",
			"arrange-logistics", "record-attendance", "write-knowledge-product"));

	private static final Step SUMMARY = new Step("year-summary", Set.of("summarize-year"));

	private static final Step GATE = new Step("stage-gate", Set.of("sign-stage-gate"));

	private static final Map<Stage, List<Step>> STEPS = new EnumMap<>(Map.of(
			// establishment.bpmn, one step per task
			Stage.ESTABLISHMENT,
			List.of(new Step("recruit-partners", Set.of("recruit-partners")),
					new Step("map-needs", Set.of("map-needs")),
					new Step("goals", Set.of("draft-goals", "confirm-goals")),
					new Step("plan-evaluation", Set.of("plan-evaluation")),
					new Step("community-mix", Set.of("define-community-mix")), GATE),
			Stage.YEAR_ONE,
			List.of(WORK_PLAN, new Step("recruitment", RECRUITMENT_TASKS), new Step("forums", Set.of("choose-forums")),
					new Step("first-meeting", Set.of("record-first-meeting")), MEETINGS, SUMMARY, GATE),
			Stage.YEAR_TWO,
			List.of(WORK_PLAN, renewal(),
					new Step("work-teams",
							Set.of("form-work-teams", "set-up-work-team", "plan-team-product", "approve-team-budget",
									"review-team-drafts", "finalize-team-product", "decide-on-late-team",
									"present-product", "summarize-team-work")),
					MEETINGS, SUMMARY, GATE),
			Stage.YEAR_THREE,
			List.of(WORK_PLAN, renewal(),
					new Step("impact-tracks",
							Set.of("choose-impact-tracks", "plan-impact-track", "review-track-progress",
									"record-track-outcome")),
					MEETINGS, new Step("farewell", Set.of("hold-farewell")), SUMMARY, GATE)));

	private LifecycleSteps() {
	}

	private static Step renewal() {
		Set<String> keys = new java.util.HashSet<>(RECRUITMENT_TASKS);
		keys.addAll(Set.of("renew-membership", "farewell-member", "choose-forums"));
		return new Step("renewal", Set.copyOf(keys));
	}

	/**
	 * The timeline of a community: every stage with its steps, each done, current, late
	 * or upcoming.
	 * <p>
	 * The stage whose steps are open is the community's stage, except while a year's work
	 * plan is being approved: the previous stage is signed then, but the community enters
	 * the year only once the plan is approved (community-lifecycle.bpmn), so the timeline
	 * shows the work plan as the first step of the coming year. In that stage a step is
	 * current when one of its tasks is open (late when one is overdue), done when it
	 * comes before the first current step, upcoming otherwise.
	 */
	static List<TimelineStage> timeline(Stage stage, List<OpenTask> tasks, Instant now) {
		Stage current = currentTimelineStage(stage, tasks);
		List<TimelineStage> timeline = new ArrayList<>();
		for (Stage each : STEPS.keySet()) {
			if (current == Stage.COMPLETED || each.ordinal() < current.ordinal()) {
				timeline.add(new TimelineStage(each, StepStatus.DONE,
						STEPS.get(each)
							.stream()
							.map((step) -> new TimelineStep(step.key(), StepStatus.DONE))
							.toList()));
			}
			else if (each.ordinal() > current.ordinal()) {
				timeline.add(new TimelineStage(each, StepStatus.UPCOMING,
						STEPS.get(each)
							.stream()
							.map((step) -> new TimelineStep(step.key(), StepStatus.UPCOMING))
							.toList()));
			}
			else {
				timeline.add(currentStage(each, tasks, now));
			}
		}
		return timeline;
	}

	static Stage currentTimelineStage(Stage stage, List<OpenTask> tasks) {
		boolean approvingWorkPlan = tasks.stream().anyMatch((task) -> WORK_PLAN_APPROVAL.equals(task.processKey()));
		if (approvingWorkPlan && stage.ordinal() < Stage.YEAR_THREE.ordinal()) {
			return Stage.values()[stage.ordinal() + 1];
		}
		return stage;
	}

	private static TimelineStage currentStage(Stage stage, List<OpenTask> tasks, Instant now) {
		List<Step> steps = STEPS.get(stage);
		List<StepStatus> open = steps.stream().map((step) -> openStatus(step, tasks, now)).toList();
		int first = open.indexOf(StepStatus.CURRENT);
		int firstLate = open.indexOf(StepStatus.LATE);
		if (first < 0 || (firstLate >= 0 && firstLate < first)) {
			first = firstLate;
		}
		List<TimelineStep> result = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			StepStatus status = open.get(i);
			if (status == null) {
				status = (first >= 0 && i < first) ? StepStatus.DONE : StepStatus.UPCOMING;
			}
			result.add(new TimelineStep(steps.get(i).key(), status));
		}
		boolean late = open.contains(StepStatus.LATE);
		return new TimelineStage(stage, late ? StepStatus.LATE : StepStatus.CURRENT, result);
	}

	/** CURRENT or LATE when one of the step's tasks is open, null otherwise. */
	private static StepStatus openStatus(Step step, List<OpenTask> tasks, Instant now) {
		List<OpenTask> mine = tasks.stream().filter((task) -> step.taskKeys().contains(task.taskKey())).toList();
		if (mine.isEmpty()) {
			return null;
		}
		return mine.stream().anyMatch((task) -> task.overdueAt(now)) ? StepStatus.LATE : StepStatus.CURRENT;
	}

	/** Every step key of every stage, for the words of the pages. */
	static List<String> stepKeys() {
		return STEPS.values().stream().flatMap(List::stream).map(Step::key).distinct().toList();
	}

	private record Step(String key, Set<String> taskKeys) {
	}

	/** Where a stage or a step stands. */
	public enum StepStatus {

		DONE, CURRENT, LATE, UPCOMING

	}

	/** A stage of the timeline and its steps. */
	public record TimelineStage(Stage stage, StepStatus status, List<TimelineStep> steps) {
	}

	/** A step of the timeline. */
	public record TimelineStep(String key, StepStatus status) {
	}

}
