package org.learningcommunities.lifecycle.community;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.YearProcess.SUMMARIZE_YEAR;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.CHOOSE_IMPACT_TRACKS;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.HOLD_FAREWELL;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.IMPACT_TRACKS;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.IMPACT_TRACKS_VARIABLE;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.IMPACT_TRACK_ID;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.IMPACT_TRACK_PROCESS;
import static org.learningcommunities.lifecycle.community.YearThreeProcess.RENEWAL;

/**
 * Engine-only tests of {@code year-three.bpmn}: the renewal, the first meeting that
 * chooses the impact tracks, one impact-track process per track, the farewell, then the
 * situations of {@link AbstractYearProcessTest}: the final stage gate may send the
 * summary back. The renewal and the tracks are stubbed here and tested in
 * {@link RenewalProcessTest} and {@code impact.ImpactTrackProcessTest}.
 */
@Deployment(resources = { "processes/year-three.bpmn", "forms/choose-impact-tracks.form", "forms/lay-out-syllabus.form",
		"forms/hold-farewell.form", "forms/summarize-year.form", "forms/sign-stage-gate.form",
		"forms/follow-up-overdue-task.form" })
class YearThreeProcessTest extends AbstractYearProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.excludeProcessDefinitionKeys(RENEWAL, IMPACT_TRACK_PROCESS)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final List<Long> TRACKS = List.of(21L, 22L);

	YearThreeProcessTest() {
		super(Stage.YEAR_THREE.processKey(), List.of(RENEWAL, IMPACT_TRACK_PROCESS));
	}

	@Override
	List<String> upToTheMeetings(ProcessInstance year) {
		runCalled(year, RENEWAL, RENEWAL, 1);
		leadersTask(year, CHOOSE_IMPACT_TRACKS, 30, withVariables(IMPACT_TRACKS_VARIABLE, TRACKS));
		leadersTask(year, YearProcess.LAY_OUT_SYLLABUS, 14, Map.of());
		runCalled(year, IMPACT_TRACKS, IMPACT_TRACK_PROCESS, TRACKS.size());
		return List.of(RENEWAL, CHOOSE_IMPACT_TRACKS, YearProcess.LAY_OUT_SYLLABUS, IMPACT_TRACKS);
	}

	@Override
	List<String> afterTheMeetings(ProcessInstance year) {
		leadersTask(year, HOLD_FAREWELL, 30, Map.of());
		return List.of(HOLD_FAREWELL);
	}

	@Test
	void farewellStillOpenAfterItsRemindersIsFollowedUpByTheProjectManager() {
		// given: the tracks are done and the leader has the farewell to hold
		ProcessInstance year = startYear();
		upToTheMeetings(year);
		assertThat(year).isWaitingAt(HOLD_FAREWELL);

		// when: every reminder's time comes and the farewell is still not recorded
		int reminders = ProcessTestSupport.remindUntilFollowedUp(year, HOLD_FAREWELL);

		// then: three reminders (lifecycle.reminders.hold-farewell), one escalation,
		// followed up; the farewell is still the leader's
		assertThat(reminders).isEqualTo(3);
		assertThat(this.mailedFrom).containsExactly("remind-hold-farewell", "remind-hold-farewell",
				"remind-hold-farewell", "escalate-hold-farewell");
		ClockUtil.reset();
		leadersTask(year, HOLD_FAREWELL, 30, Map.of());
		assertThat(year).isWaitingAt(YearProcess.SUMMARIZE_YEAR).hasPassed("overdue-task-followed-up");
	}

	@Test
	void eachTrackChosenAtTheFirstMeetingRunsItsOwnProcessBeforeTheFarewell() {
		// given: year three after the renewal
		ProcessInstance year = startYear();
		runCalled(year, RENEWAL, RENEWAL, 1);

		// when: the first meeting chooses two impact tracks, and the year's syllabus is
		// laid out
		leadersTask(year, CHOOSE_IMPACT_TRACKS, 30, withVariables(IMPACT_TRACKS_VARIABLE, TRACKS));
		leadersTask(year, YearProcess.LAY_OUT_SYLLABUS, 14, Map.of());

		// then: each track runs its own process; when both have ended, the leader holds
		// the farewell
		assertThat(year).isWaitingAt(IMPACT_TRACKS);
		assertThat(passedIn(IMPACT_TRACK_PROCESS, IMPACT_TRACK_ID)).containsExactlyInAnyOrderElementsOf(TRACKS);
		runCalled(year, IMPACT_TRACKS, IMPACT_TRACK_PROCESS, TRACKS.size());
		leadersTask(year, HOLD_FAREWELL, 30, Map.of());
		assertThat(year).isWaitingAtExactly(SUMMARIZE_YEAR).hasPassedInOrder(IMPACT_TRACKS, HOLD_FAREWELL);
	}

}
