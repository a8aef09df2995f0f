package org.learningcommunities.lifecycle.recruitment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.mockito.invocation.InvocationOnMock;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.reminders.ReminderSchedule;
import org.learningcommunities.lifecycle.reminders.ReminderTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREEN_CANDIDATE_REMINDER;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.REMIND_SCREEN_CANDIDATE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREEN_CANDIDATE_REMINDED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREEN_CANDIDATE_OVERDUE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ESCALATE_SCREEN_CANDIDATE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.INTERVIEW_CANDIDATE_REMINDER;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.REMIND_INTERVIEW_CANDIDATE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.INTERVIEW_CANDIDATE_OVERDUE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ESCALATE_INTERVIEW_CANDIDATE;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.OVERDUE_TASK_JOIN;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.FOLLOW_UP_OVERDUE_TASK;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.OVERDUE_TASK_FOLLOWED_UP;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_ADMIT;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECIDED_ADMITTED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECIDED_NOT_ADMITTED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECIDED_WITHDRAWN;
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
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * Engine-only tests of {@code candidate-admission.bpmn}. What the forms store runs in
 * Spring and is not part of these tests: tasks are completed with the decisions the
 * gateways read; the delegates that mail the candidate, remind, escalate and record a
 * withdrawal are mocks. The reminder timers use the settings of application.yml.
 */
@Deployment(resources = { "processes/candidate-admission.bpmn", "forms/screen-candidate.form",
		"forms/interview-candidate.form", "forms/follow-up-overdue-task.form" })
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

	private final AnnounceAdmissionDecidedDelegate announce = mock(AnnounceAdmissionDecidedDelegate.class);

	/** Where admission-decided was announced from, in order. */
	private final List<String> announcedFrom = new ArrayList<>();

	private final JavaDelegate sendReminder = mock(JavaDelegate.class);

	private final JavaDelegate sendEscalation = mock(JavaDelegate.class);

	private final ReminderSchedule schedule = ReminderTestSupport.applicationSchedule();

	/** Where the reminder and escalation delegates were called from, in order. */
	private final List<String> remindedFrom = new ArrayList<>();

	/** Where the mail delegate was called from, read while it runs. */
	private final List<String> notifiedFrom = new ArrayList<>();

	@BeforeEach
	void registerDelegates() throws Exception {
		doAnswer((invocation) -> this.notifiedFrom
			.add(invocation.<DelegateExecution>getArgument(0).getCurrentActivityId())).when(this.notifyCandidate)
			.execute(any());
		doAnswer((invocation) -> this.remindedFrom
			.add(invocation.<DelegateExecution>getArgument(0).getCurrentActivityId())).when(this.sendReminder)
			.execute(any());
		doAnswer((invocation) -> this.remindedFrom
			.add(invocation.<DelegateExecution>getArgument(0).getCurrentActivityId())).when(this.sendEscalation)
			.execute(any());
		Mocks.register("notifyCandidateDelegate", this.notifyCandidate);
		Mocks.register("recordWithdrawalDelegate", this.recordWithdrawal);
		doAnswer(this::recordAnnouncement).when(this.announce).execute(any());
		Mocks.register("announceAdmissionDecidedDelegate", this.announce);
		Mocks.register("sendReminderDelegate", this.sendReminder);
		Mocks.register("sendEscalationDelegate", this.sendEscalation);
		Mocks.register("reminderSchedule", this.schedule);
	}

	@AfterEach
	void resetDelegatesAndClock() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void candidateInterviewedAndAdmittedIsToldTheyAreAdmitted() {
		// given: an application
		ProcessInstance admission = startAdmission(CANDIDATE);

		// when: the leader invites the candidate to an interview and admits them
		screen(admission, SCREENING_INTERVIEW);
		interview(admission, ADMISSION_ADMIT);

		// then: the decision is announced in a job of its own, the mail waits in the
		// next, and once it ran the candidate is admitted
		announce(admission, ADMISSION_DECIDED_ADMITTED);
		assertThat(admission).isWaitingAt(NOTIFY_ADMISSION);
		verifyNoInteractions(this.notifyCandidate);
		execute(jobOf(admission, NOTIFY_ADMISSION));
		assertThat(admission).isEnded()
			.hasPassedInOrder(APPLICATION_RECEIVED, SCREEN_CANDIDATE, CANDIDATE_SUITABLE, INTERVIEW_CANDIDATE,
					CANDIDATE_ADMITTED, ADMISSION_DECIDED_ADMITTED, NOTIFY_ADMISSION, CANDIDATE_ADMITTED_END)
			.hasNotPassed(NOTIFY_DECLINE, CANDIDATE_NOT_ADMITTED);
		assertThat(notifiedAt()).containsExactly(NOTIFY_ADMISSION);
		verifyNoInteractions(this.recordWithdrawal);
		verifyNoInteractions(this.sendReminder, this.sendEscalation);
	}

	@Test
	void candidateScreenedOutIsDeclinedWithoutInterview() {
		// given: an application
		ProcessInstance admission = startAdmission(CANDIDATE);

		// when: the leader screens the candidate out
		screen(admission, SCREENING_SCREEN_OUT);

		// then: no interview; the decision is announced, and the candidate is told they
		// were not admitted
		announce(admission, ADMISSION_DECIDED_NOT_ADMITTED);
		assertThat(admission).isWaitingAt(NOTIFY_DECLINE);
		execute(jobOf(admission, NOTIFY_DECLINE));
		assertThat(admission).isEnded()
			.hasPassedInOrder(SCREEN_CANDIDATE, CANDIDATE_SUITABLE, ADMISSION_DECIDED_NOT_ADMITTED, NOTIFY_DECLINE,
					CANDIDATE_NOT_ADMITTED)
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
		announce(admission, ADMISSION_DECIDED_NOT_ADMITTED);
		assertThat(admission).isWaitingAt(NOTIFY_DECLINE);
		execute(jobOf(admission, NOTIFY_DECLINE));
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

		// then: the withdrawal is recorded, then announced, the screening task is gone,
		// nobody is mailed
		announce(admission, ADMISSION_DECIDED_WITHDRAWN);
		assertThat(admission).isEnded()
			.hasPassedInOrder(APPLICATION_RECEIVED, CANDIDATE_WITHDREW, RECORD_WITHDRAWAL, ADMISSION_DECIDED_WITHDRAWN,
					CANDIDATE_WITHDRAWN)
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
		announce(admission, ADMISSION_DECIDED_WITHDRAWN);
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
		announce(leaving, ADMISSION_DECIDED_WITHDRAWN);
		assertThat(leaving).isEnded().hasPassed(CANDIDATE_WITHDRAWN);
		assertThat(staying).isNotEnded().isWaitingAtExactly(SCREEN_CANDIDATE);
	}

	@Test
	void announcementThatMeetsAConcurrentChangeIsRetriedWithoutUndoingTheDecision() {
		// given: a candidate screened out; recruitment is being changed by another
		// transaction at the moment of the announcement
		ProcessInstance admission = startAdmission(CANDIDATE);
		screen(admission, SCREENING_SCREEN_OUT);
		doThrow(new OptimisticLockingException("recruitment changed meanwhile")).doAnswer(this::recordAnnouncement)
			.when(this.announce)
			.execute(any());

		// when: the announcement's job runs
		Job announcement = jobOf(admission, ADMISSION_DECIDED_NOT_ADMITTED);
		assertThatThrownBy(() -> managementService().executeJob(announcement.getId()))
			.isInstanceOf(OptimisticLockingException.class);

		// then: the decision stands (the screening is done), the job is still there with
		// its retries (no incident), and running it again announces the decision
		Job retry = jobOf(admission, ADMISSION_DECIDED_NOT_ADMITTED);
		assertThat(retry.getRetries()).isGreaterThanOrEqualTo(6);
		assertThat(admission).isWaitingAt(ADMISSION_DECIDED_NOT_ADMITTED).hasPassed(SCREEN_CANDIDATE);
		execute(retry);
		assertThat(this.announcedFrom).containsExactly(ADMISSION_DECIDED_NOT_ADMITTED);
		assertThat(admission).isWaitingAt(NOTIFY_DECLINE);
	}

	@Test
	void screeningDoneInTimeSendsNoReminder() {
		// given: an application; the first reminder is due two days before the screening
		ProcessInstance admission = startAdmission(CANDIDATE);
		Task screening = task();
		assertThat(timerOf(admission, SCREEN_CANDIDATE_REMINDER).getDuedate())
			.isCloseTo(plusDays(screening.getDueDate(), -2), Duration.ofMinutes(1).toMillis());

		// when: the leader screens the candidate before it
		screen(admission, SCREENING_INTERVIEW);

		// then: the screening's reminder and escalation timers are gone; the interview's
		// wait
		assertThat(jobQuery().processInstanceId(admission.getId()).activityId(SCREEN_CANDIDATE_REMINDER).count())
			.isZero();
		assertThat(jobQuery().processInstanceId(admission.getId()).activityId(SCREEN_CANDIDATE_OVERDUE).count())
			.isZero();
		assertThat(timerOf(admission, INTERVIEW_CANDIDATE_REMINDER)).isNotNull();
		assertThat(admission).hasNotPassed(SCREEN_CANDIDATE_REMINDER, REMIND_SCREEN_CANDIDATE);
		verifyNoInteractions(this.sendReminder, this.sendEscalation);
	}

	@Test
	void leaderIsRemindedDailyUntilTheScreeningIsDone() {
		// given: an application
		ProcessInstance admission = startAdmission(CANDIDATE);
		Date due = task().getDueDate();

		// when: the first reminder's time comes
		ReminderTestSupport.executeWhenDue(timerOf(admission, SCREEN_CANDIDATE_REMINDER));

		// then: the reminder waits in a job of its own, and the next one is due a day
		// later
		assertThat(admission).isWaitingAt(REMIND_SCREEN_CANDIDATE, SCREEN_CANDIDATE);
		verifyNoInteractions(this.sendReminder);
		execute(jobOf(admission, REMIND_SCREEN_CANDIDATE));
		assertThat(this.remindedFrom).containsExactly(REMIND_SCREEN_CANDIDATE);
		assertThat(timerOf(admission, SCREEN_CANDIDATE_REMINDER).getDuedate()).isCloseTo(plusDays(due, -1),
				Duration.ofMinutes(1).toMillis());

		// when: the leader screens the candidate
		screen(admission, SCREENING_SCREEN_OUT);

		// then: the reminders stop
		assertThat(jobQuery().processInstanceId(admission.getId()).activityId(SCREEN_CANDIDATE_REMINDER).count())
			.isZero();
		assertThat(admission).hasPassed(SCREEN_CANDIDATE_REMINDED).hasNotPassed(ESCALATE_SCREEN_CANDIDATE);
	}

	@Test
	void screeningStillOpenAfterTheLastReminderIsEscalatedOnceToTheProjectManagers() throws Exception {
		// given: an application nobody screens
		ProcessInstance admission = startAdmission(CANDIDATE);
		Date due = task().getDueDate();

		// when: every reminder's time comes: two days, one day before the due date, and
		// on it
		List<Date> reminders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Job timer = timerOf(admission, SCREEN_CANDIDATE_REMINDER);
			reminders.add(timer.getDuedate());
			ReminderTestSupport.executeWhenDue(timer);
			execute(jobOf(admission, REMIND_SCREEN_CANDIDATE));
		}

		// then: three reminders, a day apart, and no more
		assertTimes(reminders, plusDays(due, -2), plusDays(due, -1), due);
		assertThat(jobQuery().processInstanceId(admission.getId()).activityId(SCREEN_CANDIDATE_REMINDER).count())
			.isZero();

		// when: a day after the last reminder the screening is still open
		Job overdue = timerOf(admission, SCREEN_CANDIDATE_OVERDUE);
		assertTimes(List.of(overdue.getDuedate()), plusDays(due, 1));
		ReminderTestSupport.executeWhenDue(overdue);
		execute(jobOf(admission, ESCALATE_SCREEN_CANDIDATE));

		// then: the project managers are told once, and get a follow-up task; the
		// screening
		// waits
		assertThat(this.remindedFrom).containsExactly(REMIND_SCREEN_CANDIDATE, REMIND_SCREEN_CANDIDATE,
				REMIND_SCREEN_CANDIDATE, ESCALATE_SCREEN_CANDIDATE);
		assertThat(admission).isWaitingAt(FOLLOW_UP_OVERDUE_TASK, SCREEN_CANDIDATE);
		Task followUp = taskQuery().processInstanceId(admission.getId())
			.taskDefinitionKey(FOLLOW_UP_OVERDUE_TASK)
			.singleResult();
		assertFollowUpTask(followUp);
		complete(followUp);
		assertThat(admission).hasPassedInOrder(SCREEN_CANDIDATE_OVERDUE, ESCALATE_SCREEN_CANDIDATE, OVERDUE_TASK_JOIN,
				FOLLOW_UP_OVERDUE_TASK, OVERDUE_TASK_FOLLOWED_UP);
		assertThat(jobQuery().processInstanceId(admission.getId()).timers().count())
			.as("no timer of the screening is left")
			.isZero();
		verify(this.sendEscalation, times(1)).execute(any());

		// when: the leader screens at last
		screen(admission, SCREENING_SCREEN_OUT);
		announce(admission, ADMISSION_DECIDED_NOT_ADMITTED);
		execute(jobOf(admission, NOTIFY_DECLINE));

		// then
		assertThat(admission).isEnded();
	}

	@Test
	void interviewStillOpenIsRemindedThenEscalated() {
		// given: a candidate invited to an interview
		ProcessInstance admission = startAdmission(CANDIDATE);
		screen(admission, SCREENING_INTERVIEW);
		Date due = task().getDueDate();

		// when: every reminder's time comes, then the escalation's
		List<Date> reminders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Job timer = timerOf(admission, INTERVIEW_CANDIDATE_REMINDER);
			reminders.add(timer.getDuedate());
			ReminderTestSupport.executeWhenDue(timer);
			execute(jobOf(admission, REMIND_INTERVIEW_CANDIDATE));
		}
		ReminderTestSupport.executeWhenDue(timerOf(admission, INTERVIEW_CANDIDATE_OVERDUE));
		execute(jobOf(admission, ESCALATE_INTERVIEW_CANDIDATE));

		// then: three reminders two days apart, from three days before the due date; then
		// the follow-up task
		assertTimes(reminders, plusDays(due, -3), plusDays(due, -1), plusDays(due, 1));
		assertThat(this.remindedFrom).containsExactly(REMIND_INTERVIEW_CANDIDATE, REMIND_INTERVIEW_CANDIDATE,
				REMIND_INTERVIEW_CANDIDATE, ESCALATE_INTERVIEW_CANDIDATE);
		Task followUp = taskQuery().processInstanceId(admission.getId())
			.taskDefinitionKey(FOLLOW_UP_OVERDUE_TASK)
			.singleResult();
		assertFollowUpTask(followUp);

		// when: the leader interviews and admits, and the project manager follows up
		interviewWithoutChecks(admission, ADMISSION_ADMIT);
		announce(admission, ADMISSION_DECIDED_ADMITTED);
		execute(jobOf(admission, NOTIFY_ADMISSION));
		complete(followUp);

		// then
		assertThat(admission).isEnded()
			.hasPassed(INTERVIEW_CANDIDATE_OVERDUE, ESCALATE_INTERVIEW_CANDIDATE, OVERDUE_TASK_JOIN,
					OVERDUE_TASK_FOLLOWED_UP, CANDIDATE_ADMITTED_END);
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

	/** The interview's decision, whatever the time (its task is past due). */
	private void interviewWithoutChecks(ProcessInstance admission, String decision) {
		Task interview = taskQuery().processInstanceId(admission.getId())
			.taskDefinitionKey(INTERVIEW_CANDIDATE)
			.singleResult();
		complete(interview, withVariables(ADMISSION_DECISION, decision));
	}

	/** The project managers' follow-up task: offered to them, due in three days. */
	private static void assertFollowUpTask(Task followUp) {
		assertThat(followUp).as("follow-up task").isNotNull();
		assertThat(followUp).hasCandidateGroup(Groups.PROJECT_MANAGERS).isNotAssigned();
		assertThat(followUp.getDueDate()).isCloseTo(plusDays(followUp.getCreateTime(), 3),
				Duration.ofMinutes(1).toMillis());
	}

	private static Job timerOf(ProcessInstance admission, String activityId) {
		return jobQuery().processInstanceId(admission.getId()).timers().activityId(activityId).singleResult();
	}

	/** The one job of the activity; fails clearly when there is none. */
	private static Job jobOf(ProcessInstance admission, String activityId) {
		Job job = jobQuery().processInstanceId(admission.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job of %s", activityId).isNotNull();
		return job;
	}

	/**
	 * The times, each within a second of the expected one (the timer and the due date are
	 * computed a few milliseconds apart).
	 */
	private static void assertTimes(List<Date> actual, Date... expected) {
		assertThat(actual).hasSize(expected.length);
		for (int i = 0; i < expected.length; i++) {
			assertThat(actual.get(i)).as("time %s", i + 1).isCloseTo(expected[i], 1000);
		}
	}

	private static Date plusDays(Date date, int days) {
		return Date.from(date.toInstant().plus(Duration.ofDays(days)));
	}

	/**
	 * The decision was committed without its announcement: the admission waits at the
	 * message throw event's job, which announces it (by the community's business key)
	 * when it runs.
	 */
	private void announce(ProcessInstance admission, String eventId) {
		assertThat(admission).isWaitingAt(eventId);
		int before = this.announcedFrom.size();
		execute(jobOf(admission, eventId));
		assertThat(this.announcedFrom).hasSize(before + 1).last().isEqualTo(eventId);
	}

	private Object recordAnnouncement(InvocationOnMock invocation) {
		DelegateExecution execution = invocation.getArgument(0);
		assertThat(execution.getProcessBusinessKey()).isEqualTo(CODE);
		return this.announcedFrom.add(execution.getCurrentActivityId());
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
