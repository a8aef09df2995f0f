package org.learningcommunities.lifecycle.workteams;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.ProcessTestSupport;
import org.learningcommunities.lifecycle.community.YearTwoProcess;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.executeJobOf;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.jobDueDate;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.APPROVE_TEAM_BUDGET;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_APPROVE;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_APPROVED;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_DECISION;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_REFUSE;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_REQUESTED;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.BUDGET_REQUESTED_VARIABLE;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.DECIDE_ON_LATE_TEAM;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.FINALIZE_TEAM_PRODUCT;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.KEY;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.LATE_DROP;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.LATE_PRESENT;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.LATE_TEAM_DECISION;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.LATE_TEAM_PRESENTS;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.PLAN_TEAM_PRODUCT;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.PREPARE_PRODUCT;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.PRESENT_PRODUCT;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.PRODUCTS_CONFERENCE_ARRIVED;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.PRODUCT_READY;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.REVIEW_TEAM_DRAFTS;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.SET_UP_WORK_TEAM;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.SUMMARIZE_TEAM_WORK;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.TEAM_LATE_FOR_CONFERENCE;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.WORK_TEAM_COMPLETED;
import static org.learningcommunities.lifecycle.workteams.WorkTeamProcess.WORK_TEAM_STARTED;

/**
 * Engine-only tests of {@code work-team.bpmn}: one team's six stages towards the products
 * conference. What the forms store runs in Spring and is not part of these tests: tasks
 * are completed with the decisions the gateways read; time passes by running the
 * conference's timer jobs.
 */
@Deployment(resources = { "processes/work-team.bpmn", "forms/set-up-work-team.form", "forms/plan-team-product.form",
		"forms/approve-team-budget.form", "forms/review-team-drafts.form", "forms/finalize-team-product.form",
		"forms/decide-on-late-team.form", "forms/present-product.form", "forms/summarize-team-work.form",
		"forms/follow-up-overdue-task.form" })
class WorkTeamProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final Set<String> PREPARATION = Set.of(PLAN_TEAM_PRODUCT, APPROVE_TEAM_BUDGET, REVIEW_TEAM_DRAFTS,
			FINALIZE_TEAM_PRODUCT);

	/** The products conference: every team's deadline. */
	private final Date conference = Date.from(Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS));

	/** Where the reminder and escalation fakes were called from. */
	private final List<String> mailedFrom = new ArrayList<>();

	@BeforeEach
	void registerReminderFakes() {
		ProcessTestSupport.registerReminderFakes(this.mailedFrom);
	}

	@AfterEach
	void resetReminderFakes() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void productPlanStillOpenAfterItsRemindersIsFollowedUpByTheProjectManager() {
		// given: a team set up, its product plan due in three weeks
		ProcessInstance team = startTeam();
		setUp(team);

		// when: every reminder's time comes and the plan is still not written
		int reminders = ProcessTestSupport.remindUntilFollowedUp(team, PLAN_TEAM_PRODUCT);

		// then: three reminders, one escalation, followed up; the plan is still the
		// team's
		assertThat(reminders).isEqualTo(3);
		assertThat(this.mailedFrom).containsExactly("remind-plan-team-product", "remind-plan-team-product",
				"remind-plan-team-product", "escalate-plan-team-product");
		ClockUtil.reset();
		plan(team, false);
		assertWaitingAt(team, REVIEW_TEAM_DRAFTS);
		assertThat(team).hasPassed("plan-team-product-reminded", "overdue-task-followed-up");
	}

	@Test
	void draftsAndFinalProductLateAfterTheirRemindersAreFollowedUpEachTime() {
		// given: a team reviewing its drafts
		ProcessInstance team = startTeam();
		setUp(team);
		plan(team, false);

		// when: the review, then the final product, stay open past their reminders
		assertThat(ProcessTestSupport.remindUntilFollowedUp(team, REVIEW_TEAM_DRAFTS)).isEqualTo(3);
		ClockUtil.reset();
		leadersTask(team, REVIEW_TEAM_DRAFTS, 30);
		assertThat(ProcessTestSupport.remindUntilFollowedUp(team, FINALIZE_TEAM_PRODUCT)).isEqualTo(3);
		ClockUtil.reset();
		leadersTask(team, FINALIZE_TEAM_PRODUCT, 30);

		// then: each milestone was reminded three times and escalated once; the team
		// waits for the conference
		assertThat(this.mailedFrom).containsExactly("remind-review-team-drafts", "remind-review-team-drafts",
				"remind-review-team-drafts", "escalate-review-team-drafts", "remind-finalize-team-product",
				"remind-finalize-team-product", "remind-finalize-team-product", "escalate-finalize-team-product");
		assertWaitingAt(team, PRODUCTS_CONFERENCE_ARRIVED);
	}

	@Test
	void teamReadyBeforeTheConferencePresentsItsProductThere() {
		// given: a team set up, its budget approved, its drafts reviewed
		ProcessInstance team = startTeam();
		setUp(team);
		plan(team, true);
		decideBudget(team, BUDGET_APPROVE);
		leadersTask(team, REVIEW_TEAM_DRAFTS, 30);

		// when: it finalizes the product before the conference
		leadersTask(team, FINALIZE_TEAM_PRODUCT, 30);

		// then: it waits for the conference day, presents the product there and sums up
		assertWaitingAt(team, PRODUCTS_CONFERENCE_ARRIVED);
		assertThat(jobDueDate(team, PRODUCTS_CONFERENCE_ARRIVED)).isEqualTo(this.conference);
		executeJobOf(team, PRODUCTS_CONFERENCE_ARRIVED);
		leadersTask(team, PRESENT_PRODUCT, 7);
		leadersTask(team, SUMMARIZE_TEAM_WORK, 14);
		assertThat(team).isEnded()
			.hasPassedInOrder(WORK_TEAM_STARTED, SET_UP_WORK_TEAM, PLAN_TEAM_PRODUCT, BUDGET_REQUESTED,
					APPROVE_TEAM_BUDGET, BUDGET_APPROVED, REVIEW_TEAM_DRAFTS, FINALIZE_TEAM_PRODUCT, PRODUCT_READY,
					PRODUCTS_CONFERENCE_ARRIVED, PRESENT_PRODUCT, SUMMARIZE_TEAM_WORK, WORK_TEAM_COMPLETED)
			.hasNotPassed(TEAM_LATE_FOR_CONFERENCE, DECIDE_ON_LATE_TEAM);
	}

	@Test
	void refusedBudgetRequestGoesBackToTheTeamToPlanAgain() {
		// given: a team that asks for a budget
		ProcessInstance team = startTeam();
		setUp(team);
		plan(team, true);

		// when: the project manager refuses it
		decideBudget(team, BUDGET_REFUSE);

		// then: the team plans again; without a request it goes on to its drafts
		assertWaitingAt(team, PLAN_TEAM_PRODUCT);
		plan(team, false);
		assertWaitingAt(team, REVIEW_TEAM_DRAFTS);
		assertThat(team).hasPassedInOrder(PLAN_TEAM_PRODUCT, APPROVE_TEAM_BUDGET, BUDGET_APPROVED, PLAN_TEAM_PRODUCT,
				BUDGET_REQUESTED);
	}

	@Test
	void teamLateForTheConferenceIsEscalatedToTheProjectManagerAndPresentsWhatIsReady() {
		// given: a team still reviewing its drafts
		ProcessInstance team = startTeam();
		setUp(team);
		plan(team, false);
		assertWaitingAt(team, REVIEW_TEAM_DRAFTS);
		assertThat(jobDueDate(team, TEAM_LATE_FOR_CONFERENCE)).isEqualTo(this.conference);

		// when: the conference day comes
		executeJobOf(team, TEAM_LATE_FOR_CONFERENCE);

		// then: the team's work is interrupted and the project manager decides; the team
		// presents what is ready
		assertWaitingAt(team, DECIDE_ON_LATE_TEAM);
		assertThat(team).hasNotPassed(FINALIZE_TEAM_PRODUCT, PRODUCT_READY);
		assertUserTask(task(team), Groups.PROJECT_MANAGERS, null, 7);
		complete(task(team), withVariables(LATE_TEAM_DECISION, LATE_PRESENT));
		leadersTask(team, PRESENT_PRODUCT, 7);
		leadersTask(team, SUMMARIZE_TEAM_WORK, 14);
		assertThat(team).isEnded()
			.hasPassedInOrder(REVIEW_TEAM_DRAFTS, TEAM_LATE_FOR_CONFERENCE, DECIDE_ON_LATE_TEAM, LATE_TEAM_PRESENTS,
					PRESENT_PRODUCT, SUMMARIZE_TEAM_WORK, WORK_TEAM_COMPLETED)
			.hasNotPassed(PRODUCTS_CONFERENCE_ARRIVED);
		assertThat(jobQuery().processInstanceId(team.getId()).count()).isZero();
	}

	@Test
	void lateTeamWhoseProductIsDroppedSumsUpWithoutPresenting() {
		// given: a team late for the conference, still waiting for its budget
		ProcessInstance team = startTeam();
		setUp(team);
		plan(team, true);
		executeJobOf(team, TEAM_LATE_FOR_CONFERENCE);

		// when: the project manager drops its product
		assertWaitingAt(team, DECIDE_ON_LATE_TEAM);
		complete(task(team), withVariables(LATE_TEAM_DECISION, LATE_DROP));

		// then: the team sums up its work, and presents nothing
		leadersTask(team, SUMMARIZE_TEAM_WORK, 14);
		assertThat(team).isEnded()
			.hasPassedInOrder(APPROVE_TEAM_BUDGET, TEAM_LATE_FOR_CONFERENCE, DECIDE_ON_LATE_TEAM, LATE_TEAM_PRESENTS,
					SUMMARIZE_TEAM_WORK, WORK_TEAM_COMPLETED)
			.hasNotPassed(PRESENT_PRODUCT, BUDGET_APPROVED);
	}

	/** As year two's work-teams call activity starts each team. */
	private ProcessInstance startTeam() {
		ProcessInstance team = runtimeService().startProcessInstanceByKey(KEY, CODE,
				withVariables(CommunityLifecycleProcess.COMMUNITY_CODE, CODE, CommunityLifecycleProcess.LEADER, LEADER,
						YearTwoProcess.WORK_TEAM_ID, 1L, YearTwoProcess.PRODUCTS_CONFERENCE, this.conference));
		assertThat(team).isStarted().hasBusinessKey(CODE);
		return team;
	}

	private void setUp(ProcessInstance team) {
		leadersTask(team, SET_UP_WORK_TEAM, 14);
		assertWaitingAt(team, PLAN_TEAM_PRODUCT);
	}

	private void plan(ProcessInstance team, boolean budgetRequested) {
		assertWaitingAt(team, PLAN_TEAM_PRODUCT);
		assertUserTask(task(team), Groups.COMMUNITY_LEADERS, LEADER, 21);
		complete(task(team), withVariables(BUDGET_REQUESTED_VARIABLE, budgetRequested));
	}

	private void decideBudget(ProcessInstance team, String decision) {
		assertWaitingAt(team, APPROVE_TEAM_BUDGET);
		assertUserTask(task(team), Groups.PROJECT_MANAGERS, null, 7);
		complete(task(team), withVariables(BUDGET_DECISION, decision));
	}

	/**
	 * Checks where the team waits: stages 2 to 4 inside the subprocess
	 * {@link WorkTeamProcess#PREPARE_PRODUCT}, the others at the top.
	 */
	private static void assertWaitingAt(ProcessInstance team, String activityId) {
		if (PREPARATION.contains(activityId)) {
			assertThat(team).isWaitingAtExactly(PREPARE_PRODUCT, activityId);
		}
		else {
			assertThat(team).isWaitingAtExactly(activityId);
		}
	}

	/** Checks and completes the leader's task of a stage that decides nothing. */
	private static void leadersTask(ProcessInstance team, String taskKey, int dueInDays) {
		assertWaitingAt(team, taskKey);
		assertUserTask(task(team), Groups.COMMUNITY_LEADERS, LEADER, dueInDays);
		complete(task(team));
	}

}
