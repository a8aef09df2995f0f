package org.learningcommunities.lifecycle.recruitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_ADMIT;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECISION;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECLINE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.APPLICATION_RECEIVED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_ADMITTED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_ADMITTED_END;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_ID;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_NOT_ADMITTED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_SUITABLE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_WITHDRAWN;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_WITHDREW;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.INTERVIEW_CANDIDATE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.KEY;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.LEADER;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.NOTIFY_ADMISSION;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.NOTIFY_DECLINE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.RECORD_WITHDRAWAL;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREENING_DECISION;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREENING_INTERVIEW;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREENING_SCREEN_OUT;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREEN_CANDIDATE;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * Engine-only tests of {@code candidate-admission.bpmn}. What the forms store runs in
 * Spring and is not part of these tests: tasks are completed with the decisions the
 * gateways read; the delegates that mail the candidate and record a withdrawal are mocks.
 */
@Deployment(resources = { "processes/candidate-admission.bpmn", "forms/screen-candidate.form",
		"forms/interview-candidate.form" })
class CandidateAdmissionProcessTest {

	private static final String CODE = "econ-dev-2026";

	private static final String LEADER_ID = "leader";

	private static final long CANDIDATE = 42L;

	private static final ObjectMapper JSON = new ObjectMapper();

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final NotifyCandidateDelegate notifyCandidate = mock(NotifyCandidateDelegate.class);

	private final RecordWithdrawalDelegate recordWithdrawal = mock(RecordWithdrawalDelegate.class);

	/** Where the mail delegate was called from, read while it runs. */
	private final List<String> notifiedFrom = new ArrayList<>();

	@BeforeEach
	void registerDelegates() throws Exception {
		doAnswer((invocation) -> this.notifiedFrom
			.add(invocation.<DelegateExecution>getArgument(0).getCurrentActivityId())).when(this.notifyCandidate)
			.execute(any());
		Mocks.register("notifyCandidateDelegate", this.notifyCandidate);
		Mocks.register("recordWithdrawalDelegate", this.recordWithdrawal);
	}

	@AfterEach
	void resetDelegates() {
		Mocks.reset();
	}

	@Test
	void candidateInterviewedAndAdmittedIsToldTheyAreAdmitted() {
		// given: an application
		ProcessInstance admission = startAdmission(CANDIDATE);

		// when: the leader invites the candidate to an interview and admits them
		screen(admission, SCREENING_INTERVIEW);
		interview(admission, ADMISSION_ADMIT);

		// then: the mail waits in a job of its own, and once it ran the candidate is
		// admitted
		assertThat(admission).isWaitingAt(NOTIFY_ADMISSION);
		verifyNoInteractions(this.notifyCandidate);
		execute(job());
		assertThat(admission).isEnded()
			.hasPassedInOrder(APPLICATION_RECEIVED, SCREEN_CANDIDATE, CANDIDATE_SUITABLE, INTERVIEW_CANDIDATE,
					CANDIDATE_ADMITTED, NOTIFY_ADMISSION, CANDIDATE_ADMITTED_END)
			.hasNotPassed(NOTIFY_DECLINE, CANDIDATE_NOT_ADMITTED);
		assertThat(notifiedAt()).containsExactly(NOTIFY_ADMISSION);
		verifyNoInteractions(this.recordWithdrawal);
	}

	@Test
	void candidateScreenedOutIsDeclinedWithoutInterview() {
		// given: an application
		ProcessInstance admission = startAdmission(CANDIDATE);

		// when: the leader screens the candidate out
		screen(admission, SCREENING_SCREEN_OUT);

		// then: no interview; the candidate is told they were not admitted
		assertThat(admission).isWaitingAt(NOTIFY_DECLINE);
		execute(job());
		assertThat(admission).isEnded()
			.hasPassedInOrder(SCREEN_CANDIDATE, CANDIDATE_SUITABLE, NOTIFY_DECLINE, CANDIDATE_NOT_ADMITTED)
			.hasNotPassed(INTERVIEW_CANDIDATE, NOTIFY_ADMISSION);
		assertThat(notifiedAt()).containsExactly(NOTIFY_DECLINE);
	}

	@Test
	void candidateDeclinedAfterTheInterviewIsToldTheyWereNotAdmitted() {
		// given: a candidate invited to an interview
		ProcessInstance admission = startAdmission(CANDIDATE);
		screen(admission, SCREENING_INTERVIEW);

		// when: the interview ends in a decline
		interview(admission, ADMISSION_DECLINE);

		// then
		assertThat(admission).isWaitingAt(NOTIFY_DECLINE);
		execute(job());
		assertThat(admission).isEnded()
			.hasPassedInOrder(INTERVIEW_CANDIDATE, CANDIDATE_ADMITTED, NOTIFY_DECLINE, CANDIDATE_NOT_ADMITTED)
			.hasNotPassed(NOTIFY_ADMISSION);
		assertThat(notifiedAt()).containsExactly(NOTIFY_DECLINE);
	}

	@Test
	void candidateWithdrawingBeforeScreeningStopsThere() {
		// given: an application waiting for screening
		ProcessInstance admission = startAdmission(CANDIDATE);
		assertThat(admission).isWaitingAtExactly(SCREEN_CANDIDATE);

		// when: the candidate withdraws
		withdraw(CANDIDATE);

		// then: the withdrawal is recorded, the screening task is gone, nobody is mailed
		assertThat(admission).isEnded()
			.hasPassedInOrder(APPLICATION_RECEIVED, CANDIDATE_WITHDREW, RECORD_WITHDRAWAL, CANDIDATE_WITHDRAWN)
			.hasNotPassed(CANDIDATE_SUITABLE, NOTIFY_DECLINE);
		assertThat(taskQuery().processInstanceId(admission.getId()).count()).isZero();
		verify(this.recordWithdrawal).execute(any());
		verifyNoInteractions(this.notifyCandidate);
	}

	@Test
	void candidateWithdrawingBeforeTheInterviewIsNeverInterviewed() {
		// given: a candidate waiting for the interview
		ProcessInstance admission = startAdmission(CANDIDATE);
		screen(admission, SCREENING_INTERVIEW);
		assertThat(admission).isWaitingAtExactly(INTERVIEW_CANDIDATE);

		// when: the candidate withdraws
		withdraw(CANDIDATE);

		// then
		assertThat(admission).isEnded()
			.hasPassedInOrder(SCREEN_CANDIDATE, CANDIDATE_WITHDREW, RECORD_WITHDRAWAL, CANDIDATE_WITHDRAWN)
			.hasNotPassed(CANDIDATE_ADMITTED, NOTIFY_ADMISSION, NOTIFY_DECLINE);
		verify(this.recordWithdrawal).execute(any());
		verifyNoMoreInteractions(this.recordWithdrawal);
		verifyNoInteractions(this.notifyCandidate);
	}

	@Test
	void withdrawalStopsOnlyTheCandidateWhoWithdrew() {
		// given: two candidates of the same community waiting for screening
		ProcessInstance staying = startAdmission(CANDIDATE);
		ProcessInstance leaving = startAdmission(CANDIDATE + 1);

		// when: the second withdraws
		withdraw(CANDIDATE + 1);

		// then: the first still waits for screening
		assertThat(leaving).isEnded().hasPassed(CANDIDATE_WITHDRAWN);
		assertThat(staying).isNotEnded().isWaitingAtExactly(SCREEN_CANDIDATE);
	}

	private ProcessInstance startAdmission(long candidateId) {
		ProcessInstance admission = runtimeService().startProcessInstanceByKey(KEY, CODE,
				withVariables(CANDIDATE_ID, candidateId, LEADER, LEADER_ID));
		assertThat(admission).isStarted().hasBusinessKey(CODE);
		return admission;
	}

	private void screen(ProcessInstance admission, String decision) {
		assertThat(admission).isWaitingAtExactly(SCREEN_CANDIDATE);
		assertUserTask(task(), 7);
		complete(task(), withVariables(SCREENING_DECISION, decision));
	}

	private void interview(ProcessInstance admission, String decision) {
		assertThat(admission).isWaitingAtExactly(INTERVIEW_CANDIDATE);
		assertUserTask(task(), 14);
		complete(task(), withVariables(ADMISSION_DECISION, decision));
	}

	/** As {@code RecruitmentService.withdraw} correlates it. */
	private static void withdraw(long candidateId) {
		runtimeService().createMessageCorrelation(CANDIDATE_WITHDREW)
			.processInstanceBusinessKey(CODE)
			.processInstanceVariableEquals(CANDIDATE_ID, candidateId)
			.correlateWithResult();
	}

	/**
	 * The activities the candidate was mailed from (the delegate serves both), in order.
	 */
	private List<String> notifiedAt() {
		return this.notifiedFrom;
	}

	/**
	 * A leader's task: offered to community leaders, assigned to the community's leader,
	 * due the given number of days after it was created, with its deployed form.
	 */
	private static void assertUserTask(Task task, int dueInDays) {
		assertThat(task).hasCandidateGroupAssociated(Groups.COMMUNITY_LEADERS).isAssignedTo(LEADER_ID);
		assertThat(task.getDueDate()).as("due date of %s", task.getTaskDefinitionKey())
			.isCloseTo(Date.from(task.getCreateTime().toInstant().plus(Duration.ofDays(dueInDays))),
					Duration.ofMinutes(1).toMillis());
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			assertThat(JSON.readTree(form).path("id").asText()).isEqualTo(task.getTaskDefinitionKey());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
