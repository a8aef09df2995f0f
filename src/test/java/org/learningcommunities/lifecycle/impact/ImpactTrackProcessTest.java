package org.learningcommunities.lifecycle.impact;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.YearThreeProcess;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.IMPACT_TRACK_ABANDONED;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.IMPACT_TRACK_COMPLETED;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.IMPACT_TRACK_STARTED;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.KEY;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.PLAN_IMPACT_TRACK;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.RECORD_TRACK_OUTCOME;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.REVIEW_TRACK_PROGRESS;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.TRACK_ABANDON;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.TRACK_COMPLETE;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.TRACK_CONTINUE;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.TRACK_DECISION;
import static org.learningcommunities.lifecycle.impact.ImpactTrackProcess.TRACK_STATUS;

/**
 * Engine-only tests of {@code impact-track.bpmn}: one track from its plan through its
 * reviews to its outcome, or its abandonment. Tasks are completed with the decisions the
 * gateway reads; what the forms store runs in Spring.
 */
@Deployment(resources = { "processes/impact-track.bpmn", "forms/plan-impact-track.form",
		"forms/review-track-progress.form", "forms/record-track-outcome.form" })
class ImpactTrackProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	@Test
	void trackReviewedUntilCompleteEndsWithItsOutcome() {
		// given: a planned track
		ProcessInstance track = startTrack();
		plan(track);

		// when: the first review finds it going on, the second complete
		review(track, TRACK_CONTINUE);
		review(track, TRACK_COMPLETE);

		// then: the leader records its outcome
		assertThat(track).isWaitingAtExactly(RECORD_TRACK_OUTCOME);
		assertUserTask(task(track), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task(track));
		assertThat(track).isEnded()
			.hasPassedInOrder(IMPACT_TRACK_STARTED, PLAN_IMPACT_TRACK, REVIEW_TRACK_PROGRESS, TRACK_STATUS,
					REVIEW_TRACK_PROGRESS, TRACK_STATUS, RECORD_TRACK_OUTCOME, IMPACT_TRACK_COMPLETED)
			.hasNotPassed(IMPACT_TRACK_ABANDONED);
	}

	@Test
	void abandonedTrackEndsWithoutAnOutcome() {
		// given: a planned track
		ProcessInstance track = startTrack();
		plan(track);

		// when: its review abandons it
		review(track, TRACK_ABANDON);

		// then: it ends there
		assertThat(track).isEnded()
			.hasPassedInOrder(PLAN_IMPACT_TRACK, REVIEW_TRACK_PROGRESS, TRACK_STATUS, IMPACT_TRACK_ABANDONED)
			.hasNotPassed(RECORD_TRACK_OUTCOME, IMPACT_TRACK_COMPLETED);
	}

	/** As year three's impact-tracks call activity starts each track. */
	private static ProcessInstance startTrack() {
		ProcessInstance track = runtimeService().startProcessInstanceByKey(KEY, CODE,
				withVariables(CommunityLifecycleProcess.COMMUNITY_CODE, CODE, CommunityLifecycleProcess.LEADER, LEADER,
						YearThreeProcess.IMPACT_TRACK_ID, 1L));
		assertThat(track).isStarted().hasBusinessKey(CODE);
		return track;
	}

	private static void plan(ProcessInstance track) {
		assertThat(track).isWaitingAtExactly(PLAN_IMPACT_TRACK);
		assertUserTask(task(track), Groups.COMMUNITY_LEADERS, LEADER, 21);
		complete(task(track));
	}

	private static void review(ProcessInstance track, String decision) {
		assertThat(track).isWaitingAtExactly(REVIEW_TRACK_PROGRESS);
		assertUserTask(task(track), Groups.COMMUNITY_LEADERS, LEADER, 60);
		complete(task(track), withVariables(TRACK_DECISION, decision));
	}

}
