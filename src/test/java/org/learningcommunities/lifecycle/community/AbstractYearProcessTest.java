package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
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
import static org.learningcommunities.lifecycle.community.YearProcess.SUMMARIZE_YEAR;

/**
 * What the tests of years two and three share: the processes they call are stubbed by
 * one-task processes under their keys (each has its own *ProcessTest), the year is
 * started as the lifecycle starts it, and it ends with the year summary and the stage
 * gate, which may send the summary back. Between them the year lays out its syllabus and
 * waits, as year one does, until every meeting of the community is held or cancelled
 * ("Count open meetings" is faked). Each subclass deploys its model, asserts its coverage
 * (the stubs excluded) and walks its year in {@link #upToTheMeetings} and
 * {@link #afterTheMeetings}.
 */
abstract class AbstractYearProcessTest {

	/** The only task of each stub. */
	static final String STUB_WORK = "stub-work";

	private final String processKey;

	private final List<String> calledKeys;

	private final List<String> stubDeployments = new ArrayList<>();

	/** Where the reminder and escalation fakes were called from. */
	final List<String> mailedFrom = new ArrayList<>();

	/** The open meetings "Count open meetings" finds, one per call; none when empty. */
	final Deque<Integer> openMeetings = new ArrayDeque<>();

	/** How often "Count open meetings" ran. */
	int meetingCounts;

	AbstractYearProcessTest(String processKey, List<String> calledKeys) {
		this.processKey = processKey;
		this.calledKeys = calledKeys;
	}

	@BeforeEach
	void registerFakes() {
		ProcessTestSupport.registerReminderFakes(this.mailedFrom);
		Mocks.register("countOpenMeetingsDelegate", (JavaDelegate) (execution) -> {
			this.meetingCounts++;
			execution.setVariable(YearProcess.OPEN_MEETINGS,
					this.openMeetings.isEmpty() ? 0 : this.openMeetings.remove());
		});
	}

	@AfterEach
	void resetReminderFakes() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@BeforeEach
	void deployStubs() {
		for (String key : this.calledKeys) {
			this.stubDeployments.add(repositoryService().createDeployment()
				.name(key + "-stub")
				.addModelInstance(key + ".bpmn",
						Bpmn.createExecutableProcess(key)
							.camundaHistoryTimeToLive(1825)
							.startEvent()
							.userTask(STUB_WORK)
							.endEvent()
							.done())
				.deploy()
				.getId());
		}
	}

	@AfterEach
	void removeStubs() {
		this.stubDeployments.forEach((id) -> repositoryService().deleteDeployment(id, true));
	}

	/**
	 * Walks the started year up to its meetings: the renewal, the first meeting, the
	 * syllabus, and the work of the year that runs beside the meetings (teams or tracks).
	 * @return the activities passed on the way, in order, after the start event
	 */
	abstract List<String> upToTheMeetings(ProcessInstance year);

	/**
	 * Walks the year from its meetings, all held or cancelled, to its summary.
	 * @return the activities passed on the way, in order
	 */
	abstract List<String> afterTheMeetings(ProcessInstance year);

	/**
	 * Walks the started year to its summary; every meeting is over when the year counts
	 * them.
	 * @return the activities passed on the way, in order, after the start event
	 */
	List<String> openTheYear(ProcessInstance year) {
		List<String> passed = new ArrayList<>(upToTheMeetings(year));
		passed.addAll(List.of(YearProcess.COUNT_OPEN_MEETINGS, YearProcess.MEETINGS_CONCLUDED));
		passed.addAll(afterTheMeetings(year));
		return passed;
	}

	@Test
	void yearMovesOnOnlyWhenEveryMeetingOfTheCommunityIsHeldOrCancelled() {
		// given: the year laid out its syllabus, and two meetings are still open when the
		// year's other work is done
		this.openMeetings.addAll(List.of(2, 1, 0));
		ProcessInstance year = startYear();
		upToTheMeetings(year);

		// then: the year waits for a meeting to conclude, with a daily recount as a
		// safety net
		assertThat(year).isWaitingAtExactly(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);
		assertThat(ProcessTestSupport.jobDueDate(year, YearProcess.RECOUNT_MEETINGS))
			.isAfter(Date.from(Instant.now().plus(Duration.ofHours(23))));

		// when: one meeting ends (its process sends meeting-concluded by business key)
		assertThat(runtimeService().createMessageCorrelation(YearProcess.MEETING_CONCLUDED)
			.processInstanceBusinessKey(CODE)
			.correlateAllWithResult()).hasSize(1);
		ProcessTestSupport.executeJobOf(year, YearProcess.MEETING_CONCLUDED);

		// then: one is still open, so the year waits again
		assertThat(year).isWaitingAtExactly(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);

		// when: the last one ended unseen, and the daily recount comes
		ProcessTestSupport.executeJobOf(year, YearProcess.RECOUNT_MEETINGS);

		// then: no meeting is left open, and the year goes on to its summary
		List<String> after = afterTheMeetings(year);
		assertThat(this.meetingCounts).isEqualTo(3);
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR)
			.hasPassedInOrder(YearProcess.LAY_OUT_SYLLABUS, YearProcess.COUNT_OPEN_MEETINGS,
					YearProcess.MEETING_CONCLUDED, YearProcess.RECOUNT_MEETINGS, YearProcess.MEETINGS_CONCLUDED);
		if (!after.isEmpty()) {
			assertThat(year).hasPassedInOrder(YearProcess.MEETINGS_CONCLUDED, after.get(0));
		}
	}

	@Test
	void signedYearSummaryCompletesTheYear() {
		// given: the lifecycle called this year for a community, and its work is done
		ProcessInstance year = startYear();
		List<String> passed = new ArrayList<>(List.of(started()));
		passed.addAll(openTheYear(year));

		// when: the leader summarizes the year and the project manager signs the stage
		// gate
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);

		// then: every meeting was over when the year counted them: it did not wait
		passed.addAll(List.of(SUMMARIZE_YEAR, SIGN_STAGE_GATE, completed()));
		assertThat(year).isEnded()
			.hasPassedInOrder(passed.toArray(String[]::new))
			.hasNotPassed(YearProcess.MEETING_CONCLUDED_OR_RECOUNT);
	}

	@Test
	void yearSummaryStillOpenAfterItsRemindersIsFollowedUpByTheProjectManager() {
		// given: the leader has the year summary to write
		ProcessInstance year = startYear();
		openTheYear(year);
		assertThat(year).isWaitingAt(SUMMARIZE_YEAR);
		this.mailedFrom.clear();

		// when: every reminder's time comes and the summary is still not written
		int reminders = ProcessTestSupport.remindUntilFollowedUp(year, SUMMARIZE_YEAR);

		// then: three reminders, one escalation, followed up; the summary is still due
		assertThat(reminders).isEqualTo(3);
		assertThat(this.mailedFrom).containsExactly("remind-summarize-year", "remind-summarize-year",
				"remind-summarize-year", "escalate-summarize-year");
		ClockUtil.reset();
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded().hasPassed("overdue-task-followed-up");
	}

	@Test
	void yearSummarySentBackIsSummarizedAgainWithoutRedoingTheYear() {
		// given: a year whose summary waits for the stage gate
		ProcessInstance year = startYear();
		List<String> passed = openTheYear(year);
		summarizeYear(year);

		// when: the project manager sends it back
		signStageGate(year, GATE_SEND_BACK);

		// then: the leader summarizes the year again, and the next signature completes it
		assertThat(year).isNotEnded().isWaitingAtExactly(SUMMARIZE_YEAR);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded()
			.hasPassedInOrder(passed.get(passed.size() - 1), SUMMARIZE_YEAR, SIGN_STAGE_GATE, SUMMARIZE_YEAR,
					SIGN_STAGE_GATE, completed());
		for (String called : this.calledKeys) {
			assertThat(processInstanceQuery().processDefinitionKey(called).count()).isZero();
		}
	}

	ProcessInstance startYear() {
		ProcessInstance year = runtimeService().startProcessInstanceByKey(this.processKey, CODE, stageVariables());
		assertThat(year).isStarted().hasProcessDefinitionKey(this.processKey).hasBusinessKey(CODE);
		return year;
	}

	/**
	 * Checks that the year waits at the call activity and called the given number of
	 * stubs under the community's code, with the community code and the leader, then
	 * finishes each of them.
	 * @return the called instances, ended
	 */
	static List<ProcessInstance> runCalled(ProcessInstance year, String callActivity, String calledKey, int instances) {
		assertThat(year).isWaitingAt(callActivity);
		List<ProcessInstance> called = List.copyOf(processInstanceQuery().processDefinitionKey(calledKey).list());
		assertThat(called).hasSize(instances);
		for (ProcessInstance instance : called) {
			assertThat(instance).hasBusinessKey(CODE)
				.variables()
				.containsEntry(CommunityLifecycleProcess.COMMUNITY_CODE, CODE)
				.containsEntry(CommunityLifecycleProcess.LEADER, LEADER);
		}
		for (ProcessInstance instance : called) {
			complete(task(instance));
		}
		return called;
	}

	/** A variable's value in each running instance of the called process. */
	static List<Object> passedIn(String calledKey, String variable) {
		return processInstanceQuery().processDefinitionKey(calledKey)
			.list()
			.stream()
			.map((instance) -> runtimeService().getVariable(instance.getId(), variable))
			.toList();
	}

	/** Checks and completes the leader's task of the year. */
	static void leadersTask(ProcessInstance year, String taskKey, int dueInDays, Map<String, Object> decisions) {
		assertThat(year).isWaitingAtExactly(taskKey);
		assertUserTask(task(year), Groups.COMMUNITY_LEADERS, LEADER, dueInDays);
		complete(task(year), decisions);
	}

	private static void summarizeYear(ProcessInstance year) {
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR);
		assertUserTask(task(year), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task(year));
	}

	private static void signStageGate(ProcessInstance year, String decision) {
		assertThat(year).isWaitingAtExactly(SIGN_STAGE_GATE);
		assertUserTask(task(year), Groups.PROJECT_MANAGERS, null, 7);
		complete(task(year), withVariables(GATE_DECISION, decision));
	}

	String started() {
		return this.processKey + "-started";
	}

	String completed() {
		return this.processKey + "-completed";
	}

}
