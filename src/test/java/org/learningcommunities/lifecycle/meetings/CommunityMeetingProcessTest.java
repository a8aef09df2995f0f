package org.learningcommunities.lifecycle.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.EventSubscription;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.ARRANGE_LOGISTICS;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.KEY;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.LEADER;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_CANCELLED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_CANCELLED_END;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_CANCELLED_IN_PLANNING;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_CANCELLED_IN_PLANNING_END;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_DAY;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_DAY_ARRIVED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_DAY_MOVED_OR_CANCELLED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_HELD;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_ID;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_MOVED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_SCHEDULED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.PLAN_DUE;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.PLAN_MEETING;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.RECORD_ATTENDANCE;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.WRITE_KNOWLEDGE_PRODUCT;

/**
 * Engine-only tests of {@code community-meeting.bpmn}. What the forms store runs in
 * Spring and is not part of these tests: tasks are completed without values. Moving and
 * cancelling are sent as {@link MeetingService} sends them.
 */
@Deployment(resources = { "processes/community-meeting.bpmn", "forms/plan-meeting.form", "forms/arrange-logistics.form",
		"forms/record-attendance.form", "forms/write-knowledge-product.form" })
class CommunityMeetingProcessTest {

	private static final String CODE = "econ-dev-2026";

	private static final String LEADER_ID = "leader";

	private static final long MEETING = 7L;

	private static final LocalDate DAY = LocalDate.now().plusDays(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** The business keys the message end events told, in order. */
	private final List<String> concluded = new ArrayList<>();

	@BeforeEach
	void registerFakes() {
		Mocks.register("meetingConcludedDelegate",
				(JavaDelegate) (execution) -> this.concluded.add(execution.getProcessBusinessKey()));
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
	}

	@Test
	void meetingPlannedAndHeldOnItsDayEndsWithTheKnowledgeProduct() {
		// given: a meeting scheduled, planned and arranged
		ProcessInstance meeting = schedule(MEETING, DAY);
		plan(meeting);

		// when: its day comes
		assertThat(meeting).isWaitingAt(MEETING_DAY_MOVED_OR_CANCELLED);
		assertThat(timer(meeting).getDuedate()).isEqualTo(MeetingService.meetingDay(DAY));
		execute(timer(meeting));

		// then: the leader records attendance, then writes the knowledge product
		leadersTask(meeting, RECORD_ATTENDANCE);
		complete(task(meeting));
		leadersTask(meeting, WRITE_KNOWLEDGE_PRODUCT);
		complete(task(meeting));
		conclude(meeting, MEETING_HELD);
		assertThat(meeting).isEnded()
			.hasPassedInOrder(MEETING_SCHEDULED, PLAN_MEETING, ARRANGE_LOGISTICS, MEETING_DAY_MOVED_OR_CANCELLED,
					MEETING_DAY_ARRIVED, RECORD_ATTENDANCE, WRITE_KNOWLEDGE_PRODUCT, MEETING_HELD)
			.hasNotPassed(MEETING_MOVED, MEETING_CANCELLED, MEETING_CANCELLED_IN_PLANNING);
	}

	@Test
	void meetingMovedWaitsForTheNewDayThenIsHeld() {
		// given: a meeting waiting for its day
		ProcessInstance meeting = schedule(MEETING, DAY);
		plan(meeting);
		String firstTimer = timer(meeting).getId();

		// when: it moves a week later
		LocalDate newDay = DAY.plusDays(7);
		move(meeting, newDay);

		// then: a new timer waits for the new day
		assertThat(meeting).isWaitingAt(MEETING_DAY_MOVED_OR_CANCELLED).hasPassed(MEETING_MOVED);
		Job timer = timer(meeting);
		assertThat(timer.getId()).isNotEqualTo(firstTimer);
		assertThat(timer.getDuedate()).isEqualTo(MeetingService.meetingDay(newDay));
		execute(timer);
		complete(task(meeting));
		complete(task(meeting));
		conclude(meeting, MEETING_HELD);
		assertThat(meeting).isEnded().hasPassedInOrder(MEETING_MOVED, MEETING_DAY_ARRIVED, MEETING_HELD);
	}

	@Test
	void meetingCancelledWhileWaitingForItsDayEndsThere() {
		// given: a meeting waiting for its day
		ProcessInstance meeting = schedule(MEETING, DAY);
		plan(meeting);

		// when: it is cancelled
		cancel(meeting);

		// then: the gateway's catch event took the message; no timer is left
		conclude(meeting, MEETING_CANCELLED_END);
		assertThat(meeting).isEnded()
			.hasPassedInOrder(MEETING_DAY_MOVED_OR_CANCELLED, MEETING_CANCELLED, MEETING_CANCELLED_END)
			.hasNotPassed(MEETING_DAY_ARRIVED, RECORD_ATTENDANCE, MEETING_CANCELLED_IN_PLANNING);
		assertThat(jobQuery().processInstanceId(meeting.getId()).count()).isZero();
	}

	@Test
	void meetingCancelledWhilePlannedStopsThePlanning() {
		// given: a meeting whose planning sheet is open, and another meeting
		ProcessInstance meeting = schedule(MEETING, DAY);
		ProcessInstance other = schedule(MEETING + 1, DAY.plusDays(28));
		assertThat(meeting).isWaitingAtExactly(PLAN_MEETING);

		// when: the first is cancelled
		cancel(meeting);

		// then: its planning task is gone; the other meeting goes on
		conclude(meeting, MEETING_CANCELLED_IN_PLANNING_END);
		assertThat(meeting).isEnded()
			.hasPassedInOrder(MEETING_SCHEDULED, MEETING_CANCELLED_IN_PLANNING, MEETING_CANCELLED_IN_PLANNING_END)
			.hasNotPassed(ARRANGE_LOGISTICS, MEETING_CANCELLED_END);
		assertThat(taskQuery().processInstanceId(meeting.getId()).count()).isZero();
		assertThat(other).isWaitingAtExactly(PLAN_MEETING);
	}

	/**
	 * The meeting ends in a job of its own, which tells the waiting stage
	 * (meeting-concluded) by business key.
	 */
	private void conclude(ProcessInstance meeting, String endEvent) {
		assertThat(meeting).isWaitingAt(endEvent);
		int before = this.concluded.size();
		execute(jobQuery().processInstanceId(meeting.getId()).activityId(endEvent).singleResult());
		assertThat(this.concluded).hasSize(before + 1).last().isEqualTo(CODE);
	}

	private static ProcessInstance schedule(long meetingId, LocalDate day) {
		ProcessInstance meeting = runtimeService().startProcessInstanceByKey(KEY, CODE,
				withVariables(MEETING_ID, meetingId, LEADER, LEADER_ID, MEETING_DAY, MeetingService.meetingDay(day),
						PLAN_DUE, MeetingService.planDue(day)));
		assertThat(meeting).isStarted().hasBusinessKey(CODE);
		return meeting;
	}

	/** The planning sheet, then the logistics, both due a week before the day. */
	private static void plan(ProcessInstance meeting) {
		Task sheet = leadersTask(meeting, PLAN_MEETING);
		assertThat(sheet.getDueDate()).isEqualTo(MeetingService.planDue(DAY));
		complete(sheet);
		Task logistics = leadersTask(meeting, ARRANGE_LOGISTICS);
		assertThat(logistics.getDueDate()).isEqualTo(MeetingService.planDue(DAY));
		complete(logistics);
	}

	/** As {@code MeetingService.move}: the new day first, then the message. */
	private static void move(ProcessInstance meeting, LocalDate newDay) {
		runtimeService().setVariable(meeting.getId(), MEETING_DAY, MeetingService.meetingDay(newDay));
		runtimeService().createMessageCorrelation(MEETING_MOVED)
			.processInstanceBusinessKey(CODE)
			.processInstanceVariableEquals(MEETING_ID, MEETING)
			.correlateWithResult();
	}

	/**
	 * As {@code MeetingService.cancel}: to the gateway's catch event when it waits, else
	 * to the event subprocess (a correlation would find two executions at the gateway).
	 */
	private static void cancel(ProcessInstance meeting) {
		EventSubscription subscription = runtimeService().createEventSubscriptionQuery()
			.processInstanceId(meeting.getId())
			.eventName(MEETING_CANCELLED)
			.list()
			.stream()
			.min((a, b) -> Boolean.compare(MEETING_CANCELLED_IN_PLANNING.equals(a.getActivityId()),
					MEETING_CANCELLED_IN_PLANNING.equals(b.getActivityId())))
			.orElseThrow();
		runtimeService().messageEventReceived(MEETING_CANCELLED, subscription.getExecutionId());
	}

	private static Job timer(ProcessInstance meeting) {
		Job timer = jobQuery().processInstanceId(meeting.getId()).timers().singleResult();
		assertThat(timer).as("timer of %s", meeting.getId()).isNotNull();
		return timer;
	}

	private static Task task(ProcessInstance meeting) {
		return taskQuery().processInstanceId(meeting.getId()).singleResult();
	}

	/** A leader's task of the meeting, offered to community leaders, with its form. */
	private static Task leadersTask(ProcessInstance meeting, String taskKey) {
		assertThat(meeting).isWaitingAtExactly(taskKey);
		Task task = task(meeting);
		assertThat(task).hasCandidateGroupAssociated(Groups.COMMUNITY_LEADERS).isAssignedTo(LEADER_ID);
		assertThat(task.getDueDate()).isNotNull();
		try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
			assertThat(JSON.readTree(form).path("id").asText()).isEqualTo(taskKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return task;
	}

}
