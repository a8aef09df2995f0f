package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.OptimisticLockingException;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.RecruitmentSteps.balancedCohort;
import static org.learningcommunities.lifecycle.community.RecruitmentSteps.cohortOf;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSIONS_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSION_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CALL_DEADLINE_PASSED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CHECK_MIX;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CLOSE_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_CONFIRM;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_CONFIRMED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_LOWER_TARGET;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_REOPEN;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CONFIRM_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COUNT_OPEN_ADMISSIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.DRAFT_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.FOLLOW_APPLICATIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MEASURE_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MIX_SHORTFALLS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.PUBLISH_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT_COMPLETED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT_STARTED;

/**
 * Engine-only tests of {@code recruitment.bpmn}, with the real decision table
 * {@code community-mix-check.dmn} and the fakes of {@link RecruitmentSteps}. What the
 * forms store runs in Spring and is not part of these tests: tasks are completed with the
 * decisions the gateways read.
 */
@Deployment(resources = { "processes/recruitment.bpmn", "processes/community-mix-check.dmn", "forms/draft-call.form",
		"forms/follow-applications.form", "forms/confirm-cohort.form" })
class RecruitmentProcessTest {

	private static final String FEWER_THAN_30 = "פחות מ-30 חברים · Fewer than 30 members";

	private static final String WELL_BELOW_TARGET = "הרבה מתחת לגודל היעד · Well below the target size";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final RecruitmentSteps steps = new RecruitmentSteps();

	@BeforeEach
	void registerFakes() {
		this.steps.registerFakes();
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
	}

	@Test
	void callClosedByItsDeadlineLeadsThroughTheMixCheckToTheConfirmedCohort() {
		// given: recruitment opened, every admission will be decided when the call
		// closes, and the cohort fits the mix
		this.steps.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance recruitment = startRecruitment();

		// when: the leader drafts the call, it is published, and its deadline passes
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.deadlinePasses(recruitment);

		// then: the call is closed, the mix check finds no shortfall, and the leader
		// confirms the cohort
		assertThat(recruitment).variables().containsEntry(MIX_SHORTFALLS, List.of());
		this.steps.confirmCohort(recruitment, COHORT_CONFIRM);
		assertThat(recruitment).isEnded()
			.hasPassedInOrder(RECRUITMENT_STARTED, DRAFT_CALL, PUBLISH_CALL, FOLLOW_APPLICATIONS, CALL_DEADLINE_PASSED,
					CLOSE_CALL, COUNT_OPEN_ADMISSIONS, ADMISSIONS_DECIDED, MEASURE_COHORT, CHECK_MIX, CONFIRM_COHORT,
					RECRUITMENT_COMPLETED)
			.hasNotPassed(ADMISSION_DECIDED);
		assertThat(this.steps.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " []");
	}

	@Test
	void leaderClosingTheCallEarlyClosesItWithoutWaitingForTheDeadline() {
		// given: a published call
		this.steps.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);

		// when: the leader completes "Follow the applications" before the deadline
		this.steps.closeCallEarly(recruitment);

		// then: the call is closed at once and its deadline timer is gone
		assertThat(recruitment).isWaitingAtExactly(CONFIRM_COHORT)
			.hasPassedInOrder(FOLLOW_APPLICATIONS, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX)
			.hasNotPassed(CALL_DEADLINE_PASSED);
		assertThat(jobQuery().processInstanceId(recruitment.getId()).activityId(CALL_DEADLINE_PASSED).count()).isZero();
		assertThat(this.steps.journal).containsSubsequence(CLOSE_CALL, COUNT_OPEN_ADMISSIONS);
	}

	@Test
	void cohortIsCheckedOnlyOnceEveryAdmissionIsDecided() {
		// given: when the call closes two candidates still wait for their interview
		this.steps.openAdmissions.addAll(List.of(2, 1, 0));
		this.steps.cohorts.add(balancedCohort());
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.closeCallEarly(recruitment);
		assertThat(recruitment)
			.isWaitingAtExactly(YearOneProcess.AWAITING_ADMISSIONS, YearOneProcess.RECOUNT_ADMISSIONS)
			.hasNotPassed(MEASURE_COHORT);

		// when: the first candidate is decided
		this.steps.admissionDecided(recruitment);

		// then: one is still open, so recruitment waits for the next decision
		assertThat(recruitment)
			.isWaitingAtExactly(YearOneProcess.AWAITING_ADMISSIONS, YearOneProcess.RECOUNT_ADMISSIONS)
			.hasNotPassed(MEASURE_COHORT);

		// when: the second candidate is decided
		this.steps.admissionDecided(recruitment);

		// then: the cohort is measured and checked, and the leader is asked to confirm it
		assertThat(recruitment).isWaitingAtExactly(CONFIRM_COHORT)
			.hasPassedInOrder(CLOSE_CALL, COUNT_OPEN_ADMISSIONS, ADMISSION_DECIDED, COUNT_OPEN_ADMISSIONS,
					ADMISSION_DECIDED, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX);
		assertThat(this.steps.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS,
				COUNT_OPEN_ADMISSIONS, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX + " []");
	}

	@Test
	void decisionMadeOutsideTheProcessesIsSeenAtTheHourlyRecount() {
		// given: when the call closes one candidate is still open
		this.steps.openAdmissions.addAll(List.of(1, 0));
		this.steps.cohorts.add(balancedCohort());
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.closeCallEarly(recruitment);
		assertThat(recruitment).isWaitingAtExactly(YearOneProcess.AWAITING_ADMISSIONS,
				YearOneProcess.RECOUNT_ADMISSIONS);
		Job recount = jobQuery().processInstanceId(recruitment.getId())
			.activityId(YearOneProcess.RECOUNT_ADMISSIONS)
			.singleResult();
		assertThat(recount.getDuedate()).isAfter(Date.from(Instant.now().plus(Duration.ofMinutes(59))));

		// when: that candidate was decided without an announcement (a status changed in
		// the database by hand), and the hour passes
		execute(recount);
		this.steps.countAdmissions(recruitment);

		// then: the count finds every admission decided, and the cohort is checked
		assertThat(recruitment).isWaitingAtExactly(CONFIRM_COHORT)
			.hasPassedInOrder(COUNT_OPEN_ADMISSIONS, YearOneProcess.RECOUNT_ADMISSIONS, COUNT_OPEN_ADMISSIONS,
					MEASURE_COHORT)
			.hasNotPassed(ADMISSION_DECIDED);
	}

	/**
	 * The race of two decisions: the first decision's message woke the recruitment, and
	 * while its job counts (and reads one admission still open), the second candidate is
	 * decided in another transaction that commits before the count's transaction does.
	 * Neither transaction sees the other's writes (read committed): the count misses the
	 * second decision, and the second decision's message must not miss the recruitment.
	 * Nothing but jobs that are due now runs after it: the hourly recount must not be
	 * needed.
	 */
	@Test
	void decisionTakenWhileTheRecruitmentCountsIsNotLost() throws Exception {
		// given: two candidates open when the call closes; the first is decided
		this.steps.openAdmissions.addAll(List.of(2, 1, 0));
		this.steps.cohorts.add(balancedCohort());
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.closeCallEarly(recruitment);
		assertThat(runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()).hasSize(1);

		// when: the recruitment's job counts (one still open), and before it commits the
		// second candidate is decided and announced in a transaction of its own
		CountDownLatch counted = new CountDownLatch(1);
		CountDownLatch decided = new CountDownLatch(1);
		this.steps.whileCounting = () -> {
			this.steps.whileCounting = () -> {
			};
			counted.countDown();
			await(decided);
		};
		Job counting = continuationOf(recruitment);
		ExecutorService node = Executors.newSingleThreadExecutor();
		Future<?> countingJob = node.submit(() -> {
			// Mocks are per thread: the other node resolves the same fakes
			this.steps.registerFakes();
			try {
				managementService().executeJob(counting.getId());
			}
			catch (OptimisticLockingException ex) {
				// the decision changed the recruitment first: the job is retried
			}
			finally {
				Mocks.reset();
			}
		});
		try {
			await(counted);
			runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
				.processInstanceBusinessKey(CODE)
				.correlateAllWithResult();
			decided.countDown();
			countingJob.get(30, TimeUnit.SECONDS);
		}
		finally {
			decided.countDown();
			node.shutdownNow();
		}
		// every job due now runs (the job executor would), the hourly timer does not
		for (Job due = continuationOf(recruitment); due != null; due = continuationOf(recruitment)) {
			execute(due);
		}

		// then: the second decision was seen and the cohort is checked, though no timer
		// ran (the hourly recount was never executed)
		assertThat(recruitment).isWaitingAtExactly(CONFIRM_COHORT).hasPassed(MEASURE_COHORT, CHECK_MIX);
	}

	/** The recruitment's async continuation due now (not a timer), or null. */
	private static Job continuationOf(ProcessInstance recruitment) {
		return jobQuery().processInstanceId(recruitment.getId()).messages().singleResult();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other transaction got there").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void admissionDecidedWhileTheCallIsOpenWakesNobody() {
		// given: a call open for applications
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		assertThat(recruitment).isWaitingAtExactly(FOLLOW_APPLICATIONS);

		// when: a candidate is decided before the call closes
		int woken = runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()
			.size();

		// then: nobody was waiting, and the call stays open
		assertThat(woken).isZero();
		assertThat(recruitment).isWaitingAtExactly(FOLLOW_APPLICATIONS).hasNotPassed(CLOSE_CALL);
	}

	@Test
	void mixShortfallLetsTheLeaderReopenRecruitmentForAnotherRound() {
		// given: the first round admits 12 members, the second brings the cohort to 32
		this.steps.roundWithoutOpenAdmissions(cohortOf(12));
		this.steps.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.closeCallEarly(recruitment);

		// when: the mix check lists the shortfalls and the leader reopens recruitment
		assertThat(recruitment).variables().containsEntry(MIX_SHORTFALLS, List.of(FEWER_THAN_30, WELL_BELOW_TARGET));
		this.steps.confirmCohort(recruitment, COHORT_REOPEN);

		// then: a second round of the call is drafted and published, and its cohort is
		// checked again
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.deadlinePasses(recruitment);
		assertThat(recruitment).variables().containsEntry(MIX_SHORTFALLS, List.of());
		this.steps.confirmCohort(recruitment, COHORT_CONFIRM);
		assertThat(recruitment).isEnded()
			.hasPassedInOrder(DRAFT_CALL, PUBLISH_CALL, CLOSE_CALL, CHECK_MIX, CONFIRM_COHORT, DRAFT_CALL, PUBLISH_CALL,
					CALL_DEADLINE_PASSED, CLOSE_CALL, CHECK_MIX, CONFIRM_COHORT, RECRUITMENT_COMPLETED);
		assertThat(this.steps.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " " + List.of(FEWER_THAN_30, WELL_BELOW_TARGET), PUBLISH_CALL, CLOSE_CALL,
				COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX + " []");
	}

	@Test
	void leaderLoweringTheTargetHasTheCohortCheckedAgainBeforeConfirmingIt() {
		// given: a round that admitted 12 for a target of 35
		this.steps.roundWithoutOpenAdmissions(cohortOf(12));
		ProcessInstance recruitment = startRecruitment();
		this.steps.draftCall(recruitment);
		this.steps.followApplications(recruitment);
		this.steps.closeCallEarly(recruitment);
		assertThat(recruitment).variables().containsEntry(MIX_SHORTFALLS, List.of(FEWER_THAN_30, WELL_BELOW_TARGET));

		// when: the leader lowers the target (the form stores it with its reason)
		Map<String, Object> lowered = cohortOf(12);
		lowered.put(YearOneProcess.TARGET_SIZE, 15);
		this.steps.roundWithoutOpenAdmissions(lowered);
		this.steps.confirmCohort(recruitment, COHORT_LOWER_TARGET);

		// then: no new call; the admissions are counted again, the cohort measured and
		// checked against the lowered target, and the leader confirms it
		this.steps.countAdmissions(recruitment);
		assertThat(recruitment).variables().containsEntry(MIX_SHORTFALLS, List.of(FEWER_THAN_30));
		this.steps.confirmCohort(recruitment, COHORT_CONFIRM);
		assertThat(recruitment).isEnded()
			.hasPassedInOrder(DRAFT_CALL, CLOSE_CALL, CHECK_MIX, CONFIRM_COHORT, COHORT_CONFIRMED,
					"admissions-recounted", COUNT_OPEN_ADMISSIONS, MEASURE_COHORT, CHECK_MIX, CONFIRM_COHORT,
					RECRUITMENT_COMPLETED);
		assertThat(this.steps.journal).containsExactly(PUBLISH_CALL, CLOSE_CALL, COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " " + List.of(FEWER_THAN_30, WELL_BELOW_TARGET), COUNT_OPEN_ADMISSIONS, MEASURE_COHORT,
				CHECK_MIX + " " + List.of(FEWER_THAN_30));
	}

	/** As year one and the renewal call it. */
	private static ProcessInstance startRecruitment() {
		ProcessInstance recruitment = runtimeService().startProcessInstanceByKey(RECRUITMENT, CODE, withVariables(
				CommunityLifecycleProcess.COMMUNITY_CODE, CODE, CommunityLifecycleProcess.LEADER, LEADER));
		assertThat(recruitment).isStarted().hasProcessDefinitionKey(RECRUITMENT).hasBusinessKey(CODE);
		return recruitment;
	}

}
