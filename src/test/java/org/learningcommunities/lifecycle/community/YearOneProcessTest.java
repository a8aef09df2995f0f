package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
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
import static org.learningcommunities.lifecycle.community.RecruitmentSteps.balancedCohort;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CLOSE_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_CONFIRM;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CONFIRM_COHORT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.KEY;
import static org.learningcommunities.lifecycle.community.YearOneProcess.PUBLISH_CALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT_COMPLETED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.YEAR_ONE_COMPLETED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.YEAR_ONE_STARTED;
import static org.learningcommunities.lifecycle.community.YearProcess.SUMMARIZE_YEAR;

/**
 * Engine-only tests of {@code year-one.bpmn}. It calls {@code recruitment.bpmn}, deployed
 * with it and driven through {@link RecruitmentSteps} (its fakes and the real decision
 * table {@code community-mix-check.dmn}); recruitment's own paths are tested in
 * {@link RecruitmentProcessTest}. What the forms store runs in Spring and is not part of
 * these tests: tasks are completed with the decisions the gateways read.
 */
@Deployment(resources = { "processes/year-one.bpmn", "processes/recruitment.bpmn", "processes/community-mix-check.dmn",
		"forms/draft-call.form", "forms/follow-applications.form", "forms/confirm-cohort.form",
		"forms/choose-forums.form", "forms/record-first-meeting.form", "forms/lay-out-syllabus.form",
		"forms/summarize-year.form", "forms/sign-stage-gate.form", "forms/follow-up-overdue-task.form" })
class YearOneProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		// recruitment's coverage is asserted by RecruitmentProcessTest
		.excludeProcessDefinitionKeys(RECRUITMENT)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final RecruitmentSteps recruitment = new RecruitmentSteps();

	/** The open meetings "Count open meetings" finds, one per call; none when empty. */
	private final Deque<Integer> openMeetings = new ArrayDeque<>();

	/** Where the reminder and escalation fakes were called from. */
	private final List<String> mailedFrom = new ArrayList<>();

	/** How often "Count open meetings" ran. */
	private int meetingCounts;

	@BeforeEach
	void registerFakes() {
		this.recruitment.registerFakes();
		ProcessTestSupport.registerReminderFakes(this.mailedFrom);
		Mocks.register("countOpenMeetingsDelegate", (JavaDelegate) (execution) -> {
			this.meetingCounts++;
			execution.setVariable(YearProcess.OPEN_MEETINGS,
					this.openMeetings.isEmpty() ? 0 : this.openMeetings.remove());
		});
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void confirmedCohortLeadsThroughTheForumsAndTheFirstMeetingToTheYearSummary() {
		// given: year one started, and its recruitment called under the community's code
		this.recruitment.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance year = startYear();
		assertThat(recruitment(year)).hasBusinessKey(CODE)
			.variables()
			.containsEntry(CommunityLifecycleProcess.COMMUNITY_CODE, CODE)
			.containsEntry(CommunityLifecycleProcess.LEADER, LEADER);

		// when: a round of the call ends with the cohort confirmed
		draftCall(year);
		followApplications(year);
		this.recruitment.deadlinePasses(recruitment(year));
		confirmCohort(year, COHORT_CONFIRM);

		// then: the leader chooses the forums and records the first meeting; the summary
		// and the gate complete the year
		chooseForumsAndRecordFirstMeeting(year);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded()
			.hasPassedInOrder(YEAR_ONE_STARTED, RECRUITMENT, YearOneProcess.CHOOSE_FORUMS,
					YearOneProcess.RECORD_FIRST_MEETING, YearProcess.LAY_OUT_SYLLABUS, YearProcess.COUNT_OPEN_MEETINGS,
					YearProcess.MEETINGS_CONCLUDED, SUMMARIZE_YEAR, SIGN_STAGE_GATE, YEAR_ONE_COMPLETED)
			.hasNotPassed(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);
		assertThat(processInstanceQuery().processDefinitionKey(RECRUITMENT).count()).isZero();
		assertThat(this.recruitment.journal).containsSubsequence(PUBLISH_CALL, CLOSE_CALL);
	}

	@Test
	void yearSummaryWaitsUntilEveryMeetingOfTheSyllabusIsHeldOrCancelled() {
		// given: the cohort is confirmed, and the syllabus will leave two meetings open
		this.recruitment.roundWithoutOpenAdmissions(balancedCohort());
		this.openMeetings.addAll(List.of(2, 1, 0));
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		this.recruitment.closeCallEarly(recruitment(year));
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
		execute(jobQuery().processInstanceId(year.getId()).activityId(YearProcess.MEETING_CONCLUDED).singleResult());

		// then: one is still open, so the year waits again
		assertThat(year).isWaitingAtExactly(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);

		// when: the last one ended unseen, and the daily recount comes
		execute(jobQuery().processInstanceId(year.getId()).activityId(YearProcess.RECOUNT_MEETINGS).singleResult());

		// then: every meeting is over, and the leader summarizes the year
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR);
		assertThat(this.meetingCounts).isEqualTo(3);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded();
	}

	@Test
	void yearSummaryStillOpenAfterItsRemindersIsFollowedUpByTheProjectManager() {
		// given: the leader has the year summary to write
		this.recruitment.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		this.recruitment.closeCallEarly(recruitment(year));
		confirmCohort(year, COHORT_CONFIRM);
		chooseForumsAndRecordFirstMeeting(year);
		assertThat(year).isWaitingAt(SUMMARIZE_YEAR);

		// when: every reminder's time comes and the summary is still not written
		int reminders = ProcessTestSupport.remindUntilFollowedUp(year, SUMMARIZE_YEAR);

		// then: three reminders (lifecycle.reminders.summarize-year), then one escalation
		// to the project managers, who followed it up; the summary is still the leader's
		assertThat(reminders).isEqualTo(3);
		assertThat(this.mailedFrom).containsExactly("remind-summarize-year", "remind-summarize-year",
				"remind-summarize-year", "escalate-summarize-year");
		ClockUtil.reset();
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded().hasPassed("overdue-task-followed-up", "summarize-year-reminded");
	}

	@Test
	void yearSummarySentBackIsSummarizedAgainWithoutReopeningRecruitment() {
		// given: a confirmed cohort and a year summary waiting for the stage gate
		this.recruitment.roundWithoutOpenAdmissions(balancedCohort());
		ProcessInstance year = startYear();
		draftCall(year);
		followApplications(year);
		this.recruitment.closeCallEarly(recruitment(year));
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
			.hasPassedInOrder(RECRUITMENT, YearOneProcess.RECORD_FIRST_MEETING, SUMMARIZE_YEAR, SIGN_STAGE_GATE,
					SUMMARIZE_YEAR, SIGN_STAGE_GATE, YEAR_ONE_COMPLETED);
		assertThat(this.recruitment.journal).containsOnlyOnce(PUBLISH_CALL, CLOSE_CALL);
	}

	private ProcessInstance startYear() {
		ProcessInstance year = runtimeService().startProcessInstanceByKey(KEY, CODE, stageVariables());
		assertThat(year).isStarted().hasProcessDefinitionKey(KEY).hasBusinessKey(CODE);
		return year;
	}

	/** The recruitment year one waits for. */
	private static ProcessInstance recruitment(ProcessInstance year) {
		assertThat(year).isWaitingAtExactly(RECRUITMENT);
		return calledProcessInstance(processInstanceQuery().processDefinitionKey(RECRUITMENT), year);
	}

	private void draftCall(ProcessInstance year) {
		this.recruitment.draftCall(recruitment(year));
	}

	private void followApplications(ProcessInstance year) {
		this.recruitment.followApplications(recruitment(year));
	}

	private void confirmCohort(ProcessInstance year, String decision) {
		ProcessInstance called = recruitment(year);
		this.recruitment.confirmCohort(called, decision);
		assertThat(called).isEnded().hasPassed(CONFIRM_COHORT, RECRUITMENT_COMPLETED);
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

}
