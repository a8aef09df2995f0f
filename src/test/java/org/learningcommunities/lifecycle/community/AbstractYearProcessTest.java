package org.learningcommunities.lifecycle.community;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.identity.Groups;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
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
 * The situations the year processes that hold only their summary and gate
 * ({@code year-two}, {@code year-three}) share: the leader summarizes the year and the
 * project manager signs the stage gate or sends the summary back. Each subclass deploys
 * its model with {@code @Deployment} and asserts its own coverage. Year one starts with
 * recruitment and has a test of its own, {@link YearOneProcessTest}.
 */
abstract class AbstractYearProcessTest {

	private final String processKey;

	AbstractYearProcessTest(String processKey) {
		this.processKey = processKey;
	}

	@Test
	void signedYearSummaryCompletesTheYear() {
		// given: the lifecycle called this year for a community
		ProcessInstance year = startYear();

		// when: the leader summarizes the year and the project manager signs the stage
		// gate
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);

		// then
		assertThat(year).isEnded().hasPassedInOrder(started(), SUMMARIZE_YEAR, SIGN_STAGE_GATE, completed());
	}

	@Test
	void yearSummarySentBackIsSummarizedAgain() {
		// given: a year whose summary waits for the stage gate
		ProcessInstance year = startYear();
		summarizeYear(year);

		// when: the project manager sends it back
		signStageGate(year, GATE_SEND_BACK);

		// then: the leader summarizes the year again, and the next signature completes it
		assertThat(year).isNotEnded().isWaitingAtExactly(SUMMARIZE_YEAR);
		summarizeYear(year);
		signStageGate(year, GATE_SIGN);
		assertThat(year).isEnded()
			.hasPassedInOrder(SUMMARIZE_YEAR, SIGN_STAGE_GATE, SUMMARIZE_YEAR, SIGN_STAGE_GATE, completed());
	}

	private ProcessInstance startYear() {
		ProcessInstance year = runtimeService().startProcessInstanceByKey(this.processKey, CODE, stageVariables());
		assertThat(year).isStarted().hasProcessDefinitionKey(this.processKey).hasBusinessKey(CODE);
		return year;
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

	private String started() {
		return this.processKey + "-started";
	}

	private String completed() {
		return this.processKey + "-completed";
	}

}
