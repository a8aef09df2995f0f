package org.learningcommunities.lifecycle.approvals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_DAYS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_DEADLINE_PASSED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_ESCALATED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_REMINDER_DUE;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVE_WORK_PLAN;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.CHANGES_REQUESTED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.CHECK_PLAN_APPROVED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.COMMUNITY_CODE;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.DRAFT_WORK_PLAN;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.ESCALATE_WORK_PLAN_APPROVAL;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.KEY;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.LEADER;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.PARTNERS_REMINDED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.PARTNER_REPS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.PLAN_APPROVED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.PLAN_YEAR;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.REMINDER_DAYS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.REMIND_PARTNERS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.ROUND_DECIDED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.WORK_PLAN_APPROVED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.WORK_PLAN_REQUESTED;

/**
 * Engine-only tests of {@code work-plan-approval.bpmn}. What the forms store runs in
 * Spring and is not part of these tests (the outdated version that a partner's form still
 * names is refused by {@link WorkPlanService}: see {@code WorkPlanServiceTests} and
 * {@code WorkPlanApprovalIT}): tasks are completed with the decision the multi- instance
 * reads ({@code changesRequested}, which the approval form's handler sets), and "Check
 * both partners approved the same version" and "Remind the partners" are fakes that
 * answer what the test scripts and write what they were called for into a journal.
 */
@Deployment(resources = { "processes/work-plan-approval.bpmn", "forms/draft-work-plan.form",
		"forms/approve-work-plan.form", "forms/escalate-work-plan-approval.form" })
class WorkPlanApprovalProcessTest {

	private static final String CODE = "econ-dev-2026";

	private static final String LEADER_ID = "leader";

	private static final String FOUNDATION = "foundation";

	private static final String MINISTRY = "ministry";

	private static final List<String> PARTNER_REPS_IDS = List.of(FOUNDATION, MINISTRY);

	private static final ObjectMapper JSON = new ObjectMapper();

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** What each fake was called for, in order: "activity community year". */
	private final List<String> journal = new ArrayList<>();

	/** What "Check both partners approved the same version" finds, one per call. */
	private final Deque<Boolean> approvedByBoth = new ArrayDeque<>();

	@BeforeEach
	void registerFakes() {
		Mocks.register("checkPlanApprovedDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(CHECK_PLAN_APPROVED + " " + execution.getProcessBusinessKey() + " "
					+ execution.getVariable(PLAN_YEAR));
			execution.setVariable(PLAN_APPROVED, this.approvedByBoth.remove());
		});
		Mocks.register("remindPartnersDelegate", (JavaDelegate) (execution) -> this.journal
			.add(REMIND_PARTNERS + " " + execution.getProcessBusinessKey() + " " + execution.getVariable(PLAN_YEAR)));
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
	}

	@Test
	void bothPartnersApprovingAtOnceApproveThePlanAndTheYearMayStart() {
		// given: the lifecycle asked for year two's plan, which the leader drafts
		this.approvedByBoth.add(true);
		ProcessInstance approval = startApproval(2);
		draftWorkPlan(approval);

		// when: each partner approves the version in a task of their own
		partnersDecide(approval, Map.of(FOUNDATION, false, MINISTRY, false));

		// then: the check finds both approved it, and the plan is approved
		assertThat(approval).isEnded()
			.hasPassedInOrder(WORK_PLAN_REQUESTED, DRAFT_WORK_PLAN, APPROVE_WORK_PLAN, ROUND_DECIDED,
					CHECK_PLAN_APPROVED, WORK_PLAN_APPROVED)
			.hasNotPassed(REMIND_PARTNERS, ESCALATE_WORK_PLAN_APPROVAL);
		assertThat(this.journal).containsExactly(CHECK_PLAN_APPROVED + " " + CODE + " 2");
	}

	@Test
	void partnerAskingForChangesSendsThePlanBackAndBothApproveVersionTwo() {
		// given: the first version drafted for year one, and both partners' approvals
		// open
		this.approvedByBoth.add(false);
		this.approvedByBoth.add(true);
		ProcessInstance approval = startApproval(1);
		draftWorkPlan(approval);
		Task ministryVersionOne = approvalOf(approval, MINISTRY);

		// when: the foundation asks for changes before the ministry decided
		complete(approvalOf(approval, FOUNDATION), withVariables(CHANGES_REQUESTED, true));

		// then: the round ends at once (the ministry's approval of version one is
		// withdrawn) and the plan goes back to the leader
		assertThat(approval).isWaitingAtExactly(DRAFT_WORK_PLAN).variables().containsEntry(PLAN_APPROVED, false);
		assertThat(taskQuery().taskId(ministryVersionOne.getId()).count()).isZero();

		// when: the leader drafts version two and both partners approve it
		draftWorkPlan(approval);
		partnersDecide(approval, Map.of(FOUNDATION, false, MINISTRY, false));

		// then: the plan is approved in version two
		assertThat(approval).isEnded()
			.hasPassedInOrder(DRAFT_WORK_PLAN, APPROVE_WORK_PLAN, ROUND_DECIDED, CHECK_PLAN_APPROVED, DRAFT_WORK_PLAN,
					APPROVE_WORK_PLAN, ROUND_DECIDED, CHECK_PLAN_APPROVED, WORK_PLAN_APPROVED);
		assertThat(this.journal).containsExactly(CHECK_PLAN_APPROVED + " " + CODE + " 1",
				CHECK_PLAN_APPROVED + " " + CODE + " 1");
	}

	@Test
	void partnerCannotApproveAVersionThatWasSentBack() {
		// given: the ministry has version one open when the foundation asks for changes
		this.approvedByBoth.add(false);
		this.approvedByBoth.add(true);
		ProcessInstance approval = startApproval(1);
		draftWorkPlan(approval);
		Task outdated = approvalOf(approval, MINISTRY);
		complete(approvalOf(approval, FOUNDATION), withVariables(CHANGES_REQUESTED, true));
		draftWorkPlan(approval);

		// when: the ministry approves the approval of version one
		// then: it is refused: that version is no longer decided on
		assertThatThrownBy(() -> taskService().complete(outdated.getId(), withVariables(CHANGES_REQUESTED, false)))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining(outdated.getId());

		// and both partners decide on version two, each in a new task
		assertThat(approvalOf(approval, MINISTRY).getId()).isNotEqualTo(outdated.getId());
		partnersDecide(approval, Map.of(FOUNDATION, false, MINISTRY, false));
		assertThat(approval).isEnded().hasPassed(WORK_PLAN_APPROVED);
	}

	@Test
	void overdueWorkPlanIsEscalatedToTheProjectManager() {
		// given: a version waiting for both partners
		this.approvedByBoth.add(true);
		ProcessInstance approval = startApproval(3);
		draftWorkPlan(approval);
		Task ministryApproval = approvalOf(approval, MINISTRY);

		// when: the foundation approves, and four days before the deadline nobody else
		// has
		complete(approvalOf(approval, FOUNDATION), withVariables(CHANGES_REQUESTED, false));
		Job reminder = jobOf(approval, APPROVAL_REMINDER_DUE);
		assertThat(reminder.getDuedate()).isCloseTo(plusDays(ministryApproval.getCreateTime(), REMINDER_DAYS),
				Duration.ofMinutes(1).toMillis());
		execute(reminder);

		// then: the partners are reminded in a job of its own (the mail may fail and be
		// retried), and the ministry's approval stays open
		assertThat(this.journal).isEmpty();
		execute(jobOf(approval, REMIND_PARTNERS));
		assertThat(this.journal).containsExactly(REMIND_PARTNERS + " " + CODE + " 3");
		assertThat(approval).hasPassed(PARTNERS_REMINDED).isWaitingAt(APPROVE_WORK_PLAN);

		// when: the deadline passes
		Job deadline = jobOf(approval, APPROVAL_DEADLINE_PASSED);
		assertThat(deadline.getDuedate()).isCloseTo(ministryApproval.getDueDate(), Duration.ofMinutes(1).toMillis());
		execute(deadline);

		// then: the project managers follow it up, and the ministry can still approve
		Task escalation = taskQuery().processInstanceId(approval.getId())
			.taskDefinitionKey(ESCALATE_WORK_PLAN_APPROVAL)
			.singleResult();
		assertUserTask(escalation, Groups.PROJECT_MANAGERS, null, 3);
		complete(escalation);
		assertThat(approval).hasPassed(APPROVAL_ESCALATED)
			.isWaitingAt(APPROVE_WORK_PLAN)
			.isNotWaitingAt(ESCALATE_WORK_PLAN_APPROVAL, DRAFT_WORK_PLAN);
		complete(approvalOf(approval, MINISTRY), withVariables(CHANGES_REQUESTED, false));
		assertThat(approval).isEnded()
			.hasPassedInOrder(DRAFT_WORK_PLAN, APPROVE_WORK_PLAN, ROUND_DECIDED, CHECK_PLAN_APPROVED,
					WORK_PLAN_APPROVED);
	}

	@Test
	void escalationStillOpenIsWithdrawnOnceThePartnersDecide() {
		// given: the deadline passed before either partner decided
		this.approvedByBoth.add(true);
		ProcessInstance approval = startApproval(1);
		draftWorkPlan(approval);
		execute(jobOf(approval, APPROVAL_DEADLINE_PASSED));
		assertThat(approval).isWaitingAt(APPROVE_WORK_PLAN, ESCALATE_WORK_PLAN_APPROVAL);

		// when: both partners approve before the project manager followed it up
		partnersDecide(approval, Map.of(FOUNDATION, false, MINISTRY, false));

		// then: the follow-up is withdrawn with the round, and so is the reminder not yet
		// due
		assertThat(approval).isEnded().hasNotPassed(APPROVAL_ESCALATED, REMIND_PARTNERS);
		assertThat(taskQuery().processInstanceId(approval.getId()).count()).isZero();
		assertThat(jobQuery().processInstanceId(approval.getId()).count()).isZero();
	}

	private ProcessInstance startApproval(int year) {
		ProcessInstance approval = runtimeService().startProcessInstanceByKey(KEY, CODE, withVariables(COMMUNITY_CODE,
				CODE, LEADER, LEADER_ID, PARTNER_REPS, PARTNER_REPS_IDS, PLAN_YEAR, (long) year));
		assertThat(approval).isStarted().hasBusinessKey(CODE);
		return approval;
	}

	private void draftWorkPlan(ProcessInstance approval) {
		assertThat(approval).isWaitingAtExactly(DRAFT_WORK_PLAN);
		Task draft = task(DRAFT_WORK_PLAN, approval);
		assertUserTask(draft, Groups.COMMUNITY_LEADERS, LEADER_ID, 14);
		assertThat(draft).hasCandidateGroupAssociated(Groups.PROJECT_MANAGERS);
		complete(draft, withVariables(CHANGES_REQUESTED, false));
	}

	/**
	 * Each partner's representative decides in a task of their own.
	 * @param changesRequested by partner: whether they ask for changes
	 */
	private void partnersDecide(ProcessInstance approval, Map<String, Boolean> changesRequested) {
		assertThat(approval).isWaitingAt(APPROVE_WORK_PLAN).isNotWaitingAt(DRAFT_WORK_PLAN);
		List<Task> approvals = taskQuery().processInstanceId(approval.getId())
			.taskDefinitionKey(APPROVE_WORK_PLAN)
			.list();
		assertThat(approvals).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(PARTNER_REPS_IDS);
		for (Task each : approvals) {
			assertUserTask(each, Groups.PARTNERS, each.getAssignee(), APPROVAL_DAYS);
			complete(each, withVariables(CHANGES_REQUESTED, changesRequested.get(each.getAssignee())));
		}
	}

	private static Task approvalOf(ProcessInstance approval, String partner) {
		Task approvalTask = taskQuery().processInstanceId(approval.getId())
			.taskDefinitionKey(APPROVE_WORK_PLAN)
			.taskAssignee(partner)
			.singleResult();
		assertThat(approvalTask).as("approval of %s", partner).isNotNull();
		return approvalTask;
	}

	/** The job of the named activity, failing clearly when there is none. */
	private static Job jobOf(ProcessInstance approval, String activityId) {
		Job job = jobQuery().processInstanceId(approval.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job of %s", activityId).isNotNull();
		return job;
	}

	/**
	 * A user task as our conventions want it: offered to its candidate group, assigned to
	 * the given user (or to nobody), due the given number of days after it was created,
	 * with the Camunda Form of the same name from the deployment.
	 */
	private static void assertUserTask(Task task, String candidateGroup, String assignee, int dueInDays) {
		assertThat(task).hasCandidateGroupAssociated(candidateGroup);
		if (assignee != null) {
			assertThat(task).isAssignedTo(assignee);
		}
		else {
			assertThat(task).isNotAssigned();
		}
		assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
			.isCloseTo(plusDays(task.getCreateTime(), dueInDays), Duration.ofMinutes(1).toMillis());
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			assertThat(JSON.readTree(form).path("id").asText()).isEqualTo(task.getTaskDefinitionKey());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Date plusDays(Date date, int days) {
		return Date.from(date.toInstant().plus(Duration.ofDays(days)));
	}

}
