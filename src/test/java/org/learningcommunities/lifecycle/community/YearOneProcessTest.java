package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_DECISION;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_SEND_BACK;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_SIGN;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.SIGN_STAGE_GATE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.stageVariables;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSIONS_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSION_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMITTED_COUNT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CALL_DEADLINE;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CALL_DEADLINE_PASSED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CHECK_MIX;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CLOSE_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_CONFIRM;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_DECISION;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_REOPEN;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CONFIRM_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COUNT_OPEN_ADMISSIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.DRAFT_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.FOLLOW_APPLICATIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.JUNIOR_COUNT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.KEY;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MEASURE_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MEN_SHARE_PCT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MIN_SHARE_EACH_GENDER_PCT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MISSING_REGIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MISSING_SECTORS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MIX_SHORTFALLS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.OPEN_ADMISSIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.PUBLISH_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.TARGET_SIZE;
import static org.learningcommunities.lifecycle.community.YearOneProcess.WOMEN_SHARE_PCT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.YEAR_ONE_COMPLETED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.YEAR_ONE_STARTED;
import static org.learningcommunities.lifecycle.community.YearProcess.SUMMARIZE_YEAR;

/**
 * Engine-only tests of {@code year-one.bpmn}, with the real decision table
 * {@code community-mix-check.dmn}. What the forms store runs in Spring and is not part of
 * these tests: tasks are completed with the decisions the gateways read. The recruitment
 * delegates and the mix check's listener are fakes that set what the real ones would (the
 * call's deadline, the open admissions, the cohort's measures) from what the test
 * scripts, and write what they were called for into a journal.
 */
@Deployment(resources = { "processes/year-one.bpmn", "processes/community-mix-check.dmn", "forms/draft-call.form",
		"forms/follow-applications.form", "forms/confirm-cohort.form", "forms/choose-forums.form",
		"forms/record-first-meeting.form", "forms/lay-out-syllabus.form", "forms/summarize-year.form",
		"forms/sign-stage-gate.form" })
class YearOneProcessTest {

	private static final String FEWER_THAN_30 = "פחות מ-30 חברים · Fewer than 30 members";

	private static final String WELL_BELOW_TARGET = "הרבה מתחת לגודל היעד · Well below the target size";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** When the published call closes by itself. */
	private final Date deadline = Date.from(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));

	/** What each fake was called for, in order: "activity", or "activity shortfalls". */
	private final List<String> journal = new ArrayList<>();

	/** The open admissions "Count open admissions" finds, one per call. */
	private final Deque<Integer> openAdmissions = new ArrayDeque<>();

	/** The open meetings "Count open meetings" finds, one per call; none when empty. */
	private final Deque<Integer> openMeetings = new ArrayDeque<>();

	/** The cohorts "Measure the cohort" finds, one per call. */
	private final Deque<Map<String, Object>> cohorts = new ArrayDeque<>();

	@BeforeEach
	void registerFakes() {
		Mocks.register("publishCallDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(PUBLISH_CALL);
			execution.setVariable(CALL_DEADLINE, this.deadline);
		});
		Mocks.register("closeCallDelegate", (JavaDelegate) (execution) -> this.journal.add(CLOSE_CALL));
		Mocks.register("countOpenAdmissionsDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(COUNT_OPEN_ADMISSIONS);
			execution.setVariable(OPEN_ADMISSIONS, this.openAdmissions.remove());
		});
		Mocks.register("countOpenMeetingsDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(YearProcess.COUNT_OPEN_MEETINGS);
			execution.setVariable(YearProcess.OPEN_MEETINGS,
					this.openMeetings.isEmpty() ? 0 : this.openMeetings.remove());
		});
		Mocks.register("measureCohortDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(MEASURE_COHORT);
			execution.setVariables(this.cohorts.remove());
		});
		Mocks.register("mixCheckExecutionListener", (ExecutionListener) (execution) -> {
			assertThat(execution.getProcessBusinessKey()).isEqualTo(CODE);
			this.journal.add(CHECK_MIX + " " + execution.getVariable(MIX_SHORTFALLS));
		});
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
	}

	@Test
	void callClosedByItsDeadlineLeadsThroughTheMixCheckToTheYearSummary() {
		// given: year one started, every admission will be decided when the call closes,
		// and the cohort fits the mix
		this.openAdmissions.add(0);
		this.cohorts.add(balancedCohort());
		ProcessInstance year = startYear();

		// when: the leader drafts the call, it is published, and its deadline passes
		draftCall(year);
		followApplications(year);
		executeJobOf(year, CALL_DEADLINE_PASSED);

		// then: the call is closed, the mix check finds no shortfall, and the leader
		// confirms the cohort; the summary and the gate complete the year
		assertThat(year).variables().containsEntry(MIX_SHORTFALLS, List.of());
		confirmCohort(year, COHORT_CONFIRM);
		chooseForumsAndRecordFirstMeeting(year);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded()
			.hasPassedInOrder(YEAR_ONE_STARTED, DRAFT_CALL, PUBLISH_CALL, FOLLOW_APPLICATIONS, CALL_DEADLINE_PASSED,
					CLOSE_CALL, COUNT_OPEN_ADMISSIONS, ADMISSIONS_DECIDED, MEASURE_COHORT, CHECK_MIX, CONFIRM_COHORT,
					YearOneProcess.CHOOSE_FORUMS, YearOneProcess.RECORD_FIRST_MEETING, YearProcess.LAY_OUT_SYLLABUS,
					YearProcess.COUNT_OPEN_MEETINGS, YearProcess.MEETINGS_CONCLUDED, SUMMARIZE_YEAR, SIGN_STAGE_GATE,
					YEAR_ONE_COMPLETED)
			.hasNotPassed(ADMISSION_DECIDED);
		assertThat(this.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " []", YearProcess.COUNT_OPEN_MEETINGS);
	}

	@Test
	void leaderClosingTheCallEarlyClosesItWithoutWaitingForTheDeadline() {
		// given: a published call
		this.openAdmissions.add(0);
		this.cohorts.add(balancedCohort());
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);

		// when: the leader completes "Follow the applications" before the deadline
		complete(task());

		// then: the call is closed at once and its deadline timer is gone
		assertThat(year).isWaitingAtExactly(CONFIRM_COHORT)
			.hasPassedInOrder(FOLLOW_APPLICATIONS, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX)
			.hasNotPassed(CALL_DEADLINE_PASSED);
		assertThat(jobQuery().processInstanceId(year.getId()).activityId(CALL_DEADLINE_PASSED).count()).isZero();
		assertThat(this.journal).containsSubsequence(CLOSE_CALL, COUNT_OPEN_ADMISSIONS);
	}

	@Test
	void cohortIsCheckedOnlyOnceEveryAdmissionIsDecided() {
		// given: when the call closes two candidates still wait for their interview
		this.openAdmissions.addAll(List.of(2, 1, 0));
		this.cohorts.add(balancedCohort());
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		complete(task());
		assertThat(year).isWaitingAtExactly(ADMISSION_DECIDED).hasNotPassed(MEASURE_COHORT);

		// when: the first candidate is decided
		admissionDecided(year);

		// then: one is still open, so the year waits for the next decision
		assertThat(year).isWaitingAtExactly(ADMISSION_DECIDED).hasNotPassed(MEASURE_COHORT);

		// when: the second candidate is decided
		admissionDecided(year);

		// then: the cohort is measured and checked, and the leader is asked to confirm it
		assertThat(year).isWaitingAtExactly(CONFIRM_COHORT)
			.hasPassedInOrder(CLOSE_CALL, COUNT_OPEN_ADMISSIONS, ADMISSION_DECIDED, COUNT_OPEN_ADMISSIONS,
					ADMISSION_DECIDED, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX);
		assertThat(this.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, COUNT_OPEN_ADMISSIONS,
				COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX + " []");
	}

	@Test
	void admissionDecidedWhileTheCallIsOpenWakesNobody() {
		// given: a call open for applications
		ProcessInstance year = startYear();
		draftCall(year);
		assertThat(year).isWaitingAtExactly(FOLLOW_APPLICATIONS);

		// when: a candidate is decided before the call closes
		int woken = runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()
			.size();

		// then: nobody was waiting, and the call stays open
		assertThat(woken).isZero();
		assertThat(year).isWaitingAtExactly(FOLLOW_APPLICATIONS).hasNotPassed(CLOSE_CALL);
	}

	@Test
	void mixShortfallLetsTheLeaderReopenRecruitmentForAnotherRound() {
		// given: the first round admits 12 members, the second brings the cohort to 32
		this.openAdmissions.addAll(List.of(0, 0));
		this.cohorts.addAll(List.of(cohortOf(12), balancedCohort()));
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		complete(task());

		// when: the mix check lists the shortfalls and the leader reopens recruitment
		assertThat(year).variables().containsEntry(MIX_SHORTFALLS, List.of(FEWER_THAN_30, WELL_BELOW_TARGET));
		confirmCohort(year, COHORT_REOPEN);

		// then: a second round of the call is drafted and published, and its cohort is
		// checked again
		draftCall(year);
		followApplications(year);
		executeJobOf(year, CALL_DEADLINE_PASSED);
		assertThat(year).variables().containsEntry(MIX_SHORTFALLS, List.of());
		confirmCohort(year, COHORT_CONFIRM);
		assertThat(year).isWaitingAtExactly(YearOneProcess.CHOOSE_FORUMS)
			.hasPassedInOrder(DRAFT_CALL, PUBLISH_CALL, CLOSE_CALL, CHECK_MIX, CONFIRM_COHORT, DRAFT_CALL, PUBLISH_CALL,
					CALL_DEADLINE_PASSED, CLOSE_CALL, CHECK_MIX, CONFIRM_COHORT);
		assertThat(this.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " " + List.of(FEWER_THAN_30, WELL_BELOW_TARGET), PUBLISH_CALL, CLOSE_CALL,
				COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX + " []");
	}

	@Test
	void yearSummaryWaitsUntilEveryMeetingOfTheSyllabusIsHeldOrCancelled() {
		// given: the cohort is confirmed, and the syllabus will leave two meetings open
		this.openAdmissions.add(0);
		this.cohorts.add(balancedCohort());
		this.openMeetings.addAll(List.of(2, 1, 0));
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		executeJobOf(year, CALL_DEADLINE_PASSED);
		confirmCohort(year, COHORT_CONFIRM);

		// when: the syllabus is laid out
		chooseForumsAndRecordFirstMeeting(year);

		// then: the year waits for a meeting to conclude, with a daily recount as a
		// safety net
		assertThat(year).isWaitingAtExactly(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);
		Job recount = jobQuery().processInstanceId(year.getId())
			.activityId(YearProcess.RECOUNT_MEETINGS)
			.singleResult();
		assertThat(recount.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofHours(23))));

		// when: one meeting ends (its process sends meeting-concluded by business key)
		int woken = runtimeService().createMessageCorrelation(YearProcess.MEETING_CONCLUDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()
			.size();
		assertThat(woken).isEqualTo(1);
		executeJobOf(year, YearProcess.MEETING_CONCLUDED);

		// then: one is still open, so the year waits again
		assertThat(year).isWaitingAtExactly(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);

		// when: the last one ended unseen, and the daily recount comes
		executeJobOf(year, YearProcess.RECOUNT_MEETINGS);

		// then: every meeting is over, and the leader summarizes the year
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR);
		assertThat(this.journal.stream().filter(YearProcess.COUNT_OPEN_MEETINGS::equals)).hasSize(3);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded();
	}

	@Test
	void yearSummarySentBackIsSummarizedAgainWithoutReopeningRecruitment() {
		// given: a confirmed cohort and a year summary waiting for the stage gate
		this.openAdmissions.add(0);
		this.cohorts.add(balancedCohort());
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		complete(task());
		confirmCohort(year, COHORT_CONFIRM);
		chooseForumsAndRecordFirstMeeting(year);
		summarizeYear(year);

		// when: the project manager sends it back
		signStageGate(year, GATE_SEND_BACK);

		// then: the leader summarizes the year again, and the next signature completes it
		assertThat(year).isNotEnded().isWaitingAtExactly(SUMMARIZE_YEAR);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded()
			.hasPassedInOrder(CONFIRM_COHORT, YearOneProcess.RECORD_FIRST_MEETING, SUMMARIZE_YEAR, SIGN_STAGE_GATE,
					SUMMARIZE_YEAR, SIGN_STAGE_GATE, YEAR_ONE_COMPLETED);
		assertThat(this.journal).containsOnlyOnce(PUBLISH_CALL, CLOSE_CALL);
	}

	private ProcessInstance startYear() {
		ProcessInstance year = runtimeService().startProcessInstanceByKey(KEY, CODE, stageVariables());
		assertThat(year).isStarted().hasProcessDefinitionKey(KEY).hasBusinessKey(CODE);
		return year;
	}

	/** The leader drafts the call; "Publish the call" follows. */
	private void draftCall(ProcessInstance year) {
		assertThat(year).isWaitingAtExactly(DRAFT_CALL);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	/** Checks the leader's task while the call is open: due at the call's deadline. */
	private void followApplications(ProcessInstance year) {
		assertThat(year).hasPassed(PUBLISH_CALL).isWaitingAtExactly(FOLLOW_APPLICATIONS);
		Task task = task();
		assertThat(task).isAssignedTo(LEADER).hasCandidateGroupAssociated(Groups.COMMUNITY_LEADERS);
		assertThat(task.getDueDate()).hasSameTimeAs(this.deadline);
		Job timer = jobQuery().processInstanceId(year.getId()).activityId(CALL_DEADLINE_PASSED).singleResult();
		assertThat(timer).as("timer of %s", CALL_DEADLINE_PASSED).isNotNull();
		assertThat(timer.getDuedate()).hasSameTimeAs(this.deadline);
	}

	/**
	 * A candidate's admission is decided: recruitment correlates the message by business
	 * key, and counting again runs in its own job.
	 */
	private void admissionDecided(ProcessInstance year) {
		int woken = runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()
			.size();
		assertThat(woken).isEqualTo(1);
		executeJobOf(year, ADMISSION_DECIDED);
	}

	private void confirmCohort(ProcessInstance year, String decision) {
		assertThat(year).isWaitingAtExactly(CONFIRM_COHORT);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 7);
		complete(task(), withVariables(COHORT_DECISION, decision));
	}

	private void chooseForumsAndRecordFirstMeeting(ProcessInstance year) {
		assertThat(year).isWaitingAtExactly(YearOneProcess.CHOOSE_FORUMS);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 21);
		complete(task());
		assertThat(year).isWaitingAtExactly(YearOneProcess.RECORD_FIRST_MEETING);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 30);
		complete(task());
		assertThat(year).isWaitingAtExactly(YearProcess.LAY_OUT_SYLLABUS);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	private void summarizeYear(ProcessInstance year) {
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	private void signStageGate(ProcessInstance year, String decision) {
		assertThat(year).isWaitingAtExactly(SIGN_STAGE_GATE);
		assertUserTask(task(), Groups.PROJECT_MANAGERS, null, 7);
		complete(task(), withVariables(GATE_DECISION, decision));
	}

	/** Runs the job of the named activity, failing clearly when there is none. */
	private static void executeJobOf(ProcessInstance year, String activityId) {
		Job job = jobQuery().processInstanceId(year.getId()).activityId(activityId).singleResult();
		assertThat(job).as("job of %s", activityId).isNotNull();
		execute(job);
	}

	/** 32 admitted for a target of 35, half women and half men, the whole mix covered. */
	private static Map<String, Object> balancedCohort() {
		return cohortOf(32);
	}

	/** A cohort that fits the mix in everything but, perhaps, its size. */
	private static Map<String, Object> cohortOf(int admitted) {
		Map<String, Object> measures = new LinkedHashMap<>();
		measures.put(ADMITTED_COUNT, admitted);
		measures.put(TARGET_SIZE, 35);
		measures.put(WOMEN_SHARE_PCT, 50);
		measures.put(MEN_SHARE_PCT, 50);
		measures.put(MIN_SHARE_EACH_GENDER_PCT, 40);
		measures.put(MISSING_REGIONS, 0);
		measures.put(MISSING_SECTORS, 0);
		measures.put(JUNIOR_COUNT, 0);
		return measures;
	}

}
