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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.executeJobOf;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.jobDueDate;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSION_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMITTED_COUNT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CALL_DEADLINE;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CALL_DEADLINE_PASSED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CHECK_MIX;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CLOSE_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_DECISION;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CONFIRM_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COUNT_OPEN_ADMISSIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.DRAFT_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.FOLLOW_APPLICATIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.JUNIOR_COUNT;
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

/**
 * The steps of {@code recruitment.bpmn} for the engine-only tests of the processes that
 * run it (recruitment itself, year one, the renewal). The recruitment delegates and the
 * mix check's listener are fakes that set what the real ones would (the call's deadline,
 * the open admissions, the cohort's measures) from what the test scripts, and write what
 * they were called for into a journal; the decision table {@code community-mix-check.dmn}
 * is the real one. Each step takes the recruitment's process instance.
 */
final class RecruitmentSteps {

	/** When the published call closes by itself. */
	final Date deadline = Date.from(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));

	/** What each fake was called for, in order: "activity", or "activity shortfalls". */
	final List<String> journal = new ArrayList<>();

	/** The open admissions "Count open admissions" finds, one per call. */
	final Deque<Integer> openAdmissions = new ArrayDeque<>();

	/**
	 * Runs inside "Count open admissions", after the count was read and before its
	 * transaction commits: where a test lets another transaction act.
	 */
	volatile Runnable whileCounting = () -> {
	};

	/** The cohorts "Measure the cohort" finds, one per call. */
	final Deque<Map<String, Object>> cohorts = new ArrayDeque<>();

	/** Registers the fakes; {@link Mocks#reset()} removes them. */
	void registerFakes() {
		Mocks.register("publishCallDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(PUBLISH_CALL);
			execution.setVariable(CALL_DEADLINE, this.deadline);
		});
		Mocks.register("closeCallDelegate", (JavaDelegate) (execution) -> this.journal.add(CLOSE_CALL));
		Mocks.register("countOpenAdmissionsDelegate", (JavaDelegate) (execution) -> {
			this.journal.add(COUNT_OPEN_ADMISSIONS);
			execution.setVariable(OPEN_ADMISSIONS, this.openAdmissions.remove());
			this.whileCounting.run();
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

	/** A round in which every admission is decided once the call closes. */
	void roundWithoutOpenAdmissions(Map<String, Object> cohort) {
		this.openAdmissions.add(0);
		this.cohorts.add(cohort);
	}

	/** The leader drafts the call; "Publish the call" follows. */
	void draftCall(ProcessInstance recruitment) {
		assertThat(recruitment).isWaitingAtExactly(DRAFT_CALL);
		assertUserTask(task(recruitment), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task(recruitment));
	}

	/** Checks the leader's task while the call is open: due at the call's deadline. */
	void followApplications(ProcessInstance recruitment) {
		assertThat(recruitment).hasPassed(PUBLISH_CALL).isWaitingAtExactly(FOLLOW_APPLICATIONS);
		Task task = task(recruitment);
		assertThat(task).isAssignedTo(LEADER).hasCandidateGroupAssociated(Groups.COMMUNITY_LEADERS);
		assertThat(task.getDueDate()).hasSameTimeAs(this.deadline);
		assertThat(jobDueDate(recruitment, CALL_DEADLINE_PASSED)).hasSameTimeAs(this.deadline);
	}

	/**
	 * The leader completes "Follow the applications" before the deadline; the open
	 * admissions are counted in the job that follows.
	 */
	void closeCallEarly(ProcessInstance recruitment) {
		assertThat(recruitment).isWaitingAtExactly(FOLLOW_APPLICATIONS);
		complete(task(recruitment));
		countAdmissions(recruitment);
	}

	/** The call's deadline passes; the open admissions are counted in the next job. */
	void deadlinePasses(ProcessInstance recruitment) {
		executeJobOf(recruitment, CALL_DEADLINE_PASSED);
		countAdmissions(recruitment);
	}

	/**
	 * A candidate's admission is decided: its announcement correlates the message by
	 * business key, the recruitment's wait starts again, and counting again runs in its
	 * own job.
	 */
	void admissionDecided(ProcessInstance recruitment) {
		int woken = runtimeService().createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()
			.size();
		assertThat(woken).isEqualTo(1);
		countAdmissions(recruitment);
	}

	/**
	 * Runs the job of "Count open admissions": it starts only once the recruitment waits
	 * for admission-decided.
	 */
	void countAdmissions(ProcessInstance recruitment) {
		assertThat(recruitment).isWaitingAt(COUNT_OPEN_ADMISSIONS);
		assertThat(runtimeService().createEventSubscriptionQuery()
			.processInstanceId(recruitment.getId())
			.eventName(ADMISSION_DECIDED)
			.count()).as("subscribed to %s before counting", ADMISSION_DECIDED).isOne();
		executeJobOf(recruitment, COUNT_OPEN_ADMISSIONS);
	}

	void confirmCohort(ProcessInstance recruitment, String decision) {
		assertThat(recruitment).isWaitingAtExactly(CONFIRM_COHORT);
		assertUserTask(task(recruitment), Groups.COMMUNITY_LEADERS, LEADER, 7);
		complete(task(recruitment), withVariables(COHORT_DECISION, decision));
	}

	/** One round: the call drafted, published and closed early, the cohort confirmed. */
	void oneRoundConfirmed(ProcessInstance recruitment) {
		roundWithoutOpenAdmissions(balancedCohort());
		draftCall(recruitment);
		followApplications(recruitment);
		closeCallEarly(recruitment);
		confirmCohort(recruitment, YearOneProcess.COHORT_CONFIRM);
	}

	/** 32 admitted for a target of 35, half women and half men, the whole mix covered. */
	static Map<String, Object> balancedCohort() {
		return cohortOf(32);
	}

	/** A cohort that fits the mix in everything but, perhaps, its size. */
	static Map<String, Object> cohortOf(int admitted) {
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
