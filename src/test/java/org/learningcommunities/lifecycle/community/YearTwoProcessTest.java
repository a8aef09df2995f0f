package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.FORM_WORK_TEAMS;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.PRODUCTS_CONFERENCE;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.RENEWAL;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.WORK_TEAMS;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.WORK_TEAMS_VARIABLE;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.WORK_TEAM_ID;
import static org.learningcommunities.lifecycle.community.YearTwoProcess.WORK_TEAM_PROCESS;

/**
 * Engine-only tests of {@code year-two.bpmn}: the renewal, the first meeting that forms
 * the work teams, one work-team process per team, then the situations of
 * {@link AbstractYearProcessTest}. The renewal and the work teams are stubbed here and
 * tested in {@link RenewalProcessTest} and {@code workteams.WorkTeamProcessTest}.
 */
@Deployment(resources = { "processes/year-two.bpmn", "forms/form-work-teams.form", "forms/lay-out-syllabus.form",
		"forms/summarize-year.form", "forms/sign-stage-gate.form", "forms/follow-up-overdue-task.form" })
class YearTwoProcessTest extends AbstractYearProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.excludeProcessDefinitionKeys(RENEWAL, WORK_TEAM_PROCESS)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final List<Long> TEAMS = List.of(11L, 12L, 13L);

	private final Date conference = Date.from(Instant.now().plus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS));

	YearTwoProcessTest() {
		super(Stage.YEAR_TWO.processKey(), List.of(RENEWAL, WORK_TEAM_PROCESS));
	}

	@Override
	List<String> upToTheMeetings(ProcessInstance year) {
		runCalled(year, RENEWAL, RENEWAL, 1);
		leadersTask(year, FORM_WORK_TEAMS, 30,
				withVariables(WORK_TEAMS_VARIABLE, TEAMS, PRODUCTS_CONFERENCE, this.conference));
		leadersTask(year, YearProcess.LAY_OUT_SYLLABUS, 14, Map.of());
		runCalled(year, WORK_TEAMS, WORK_TEAM_PROCESS, TEAMS.size());
		return List.of(RENEWAL, FORM_WORK_TEAMS, YearProcess.LAY_OUT_SYLLABUS, WORK_TEAMS);
	}

	@Override
	List<String> afterTheMeetings(ProcessInstance year) {
		return List.of();
	}

	@Test
	void eachTeamFormedAtTheFirstMeetingRunsItsOwnProcessTowardsTheSameConference() {
		// given: year two after the renewal
		ProcessInstance year = startYear();
		runCalled(year, RENEWAL, RENEWAL, 1);

		// when: the first meeting forms three teams, and the year's syllabus is laid out
		leadersTask(year, FORM_WORK_TEAMS, 30,
				withVariables(WORK_TEAMS_VARIABLE, TEAMS, PRODUCTS_CONFERENCE, this.conference));
		leadersTask(year, YearProcess.LAY_OUT_SYLLABUS, 14, Map.of());

		// then: three work-team processes run side by side, each with its team and the
		// one conference day; the year waits for all of them
		assertThat(year).isWaitingAt(WORK_TEAMS);
		assertThat(passedIn(WORK_TEAM_PROCESS, WORK_TEAM_ID)).containsExactlyInAnyOrderElementsOf(TEAMS);
		assertThat(passedIn(WORK_TEAM_PROCESS, PRODUCTS_CONFERENCE)).containsOnly(this.conference);
		runCalled(year, WORK_TEAMS, WORK_TEAM_PROCESS, TEAMS.size());
		assertThat(year).isWaitingAtExactly(YearProcess.SUMMARIZE_YEAR);
	}

}
