package org.learningcommunities.lifecycle.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.mockito.stubbing.Answer;
import org.mockito.stubbing.Stubber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_DECISION;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_SEND_BACK;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.GATE_SIGN;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.SIGN_STAGE_GATE;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.CHECK_GOALS_AGREED;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.CONFIRM_GOALS;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.DEFINE_COMMUNITY_MIX;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.DRAFT_GOALS;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.GOALS_AGREED;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.KEY;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.MAP_NEEDS;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.PLAN_EVALUATION;
import static org.learningcommunities.lifecycle.community.EstablishmentProcess.RECRUIT_PARTNERS;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.FOUNDATION_REP;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.MINISTRY_REP;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.PARTNER_REPS;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.stageVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Engine-only tests of {@code establishment.bpmn}. What the forms store runs in Spring
 * and is not part of these tests: tasks are completed with the decisions the gateways
 * read, and "Check every partner agreed" is a mock that answers what the test scripts.
 */
@Deployment(resources = { "processes/establishment.bpmn", "forms/recruit-partners.form", "forms/map-needs.form",
		"forms/draft-goals.form", "forms/confirm-goals.form", "forms/plan-evaluation.form",
		"forms/define-community-mix.form", "forms/sign-stage-gate.form" })
class EstablishmentProcessTest {

	private static final String ESTABLISHMENT_STARTED = "establishment-started";

	private static final String ESTABLISHMENT_COMPLETED = "establishment-completed";

	private static final String GOALS_DECISION = "goalsDecision";

	private static final String CONFIRM = "confirm";

	private static final String REQUEST_CHANGES = "request-changes";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final CheckGoalsAgreedDelegate checkGoalsAgreed = mock(CheckGoalsAgreedDelegate.class);

	/**
	 * The business key "Check every partner agreed" saw on each call: the real delegate
	 * looks the community up by it.
	 */
	private final List<String> checkedCommunities = new ArrayList<>();

	@BeforeEach
	void registerDelegates() {
		Mocks.register("checkGoalsAgreedDelegate", this.checkGoalsAgreed);
	}

	@AfterEach
	void resetDelegates() {
		Mocks.reset();
	}

	@Test
	void goalsConfirmedByEveryPartnerLeadThroughEveryStepInOrder() {
		// given: the lifecycle called the establishment for a community, and every
		// partner will agree
		goalsAgreed(true);
		ProcessInstance establishment = startEstablishment();

		// when: each step is done and the project manager signs the stage gate
		recruitPartners(establishment);
		mapNeeds(establishment);
		draftGoals(establishment);
		partnersDecide(establishment, Map.of(FOUNDATION_REP, CONFIRM, MINISTRY_REP, CONFIRM));
		planEvaluation(establishment);
		defineCommunityMix(establishment);
		signStageGate(establishment, GATE_SIGN);

		// then
		assertThat(establishment).isEnded()
			.hasPassedInOrder(ESTABLISHMENT_STARTED, RECRUIT_PARTNERS, MAP_NEEDS, DRAFT_GOALS, CONFIRM_GOALS,
					CHECK_GOALS_AGREED, PLAN_EVALUATION, DEFINE_COMMUNITY_MIX, SIGN_STAGE_GATE,
					ESTABLISHMENT_COMPLETED);
		verify(this.checkGoalsAgreed).execute(any());
		assertThat(this.checkedCommunities).containsExactly(CODE);
	}

	@Test
	void partnerAskingForChangesSendsTheGoalsBackToDrafting() {
		// given: goals drafted, which the ministry will not confirm the first time
		goalsAgreed(false, true);
		ProcessInstance establishment = startEstablishment();
		recruitPartners(establishment);
		mapNeeds(establishment);
		draftGoals(establishment);

		// when: the ministry asks for changes
		partnersDecide(establishment, Map.of(FOUNDATION_REP, CONFIRM, MINISTRY_REP, REQUEST_CHANGES));

		// then: the leader drafts the goals again, and a second round agreed by both goes
		// on to the evaluation plan
		assertThat(establishment).variables().containsEntry(GOALS_AGREED, false);
		draftGoals(establishment);
		partnersDecide(establishment, Map.of(FOUNDATION_REP, CONFIRM, MINISTRY_REP, CONFIRM));
		assertThat(establishment).isWaitingAtExactly(PLAN_EVALUATION)
			.hasPassedInOrder(DRAFT_GOALS, CONFIRM_GOALS, CHECK_GOALS_AGREED, DRAFT_GOALS, CONFIRM_GOALS,
					CHECK_GOALS_AGREED);
		verify(this.checkGoalsAgreed, times(2)).execute(any());
		assertThat(this.checkedCommunities).containsExactly(CODE, CODE);
	}

	@Test
	void stageGateSentBackReopensTheEstablishmentAtPartnerRecruitment() {
		// given: an establishment whose steps are all done
		goalsAgreed(true, true);
		ProcessInstance establishment = startEstablishment();
		doEveryStep(establishment);

		// when: the project manager sends the stage back
		signStageGate(establishment, GATE_SEND_BACK);

		// then: it starts over at partner recruitment, and once redone and signed it is
		// completed
		assertThat(establishment).isNotEnded().isWaitingAtExactly(RECRUIT_PARTNERS);
		doEveryStep(establishment);
		signStageGate(establishment, GATE_SIGN);
		assertThat(establishment).isEnded()
			.hasPassedInOrder(RECRUIT_PARTNERS, SIGN_STAGE_GATE, RECRUIT_PARTNERS, SIGN_STAGE_GATE,
					ESTABLISHMENT_COMPLETED);
	}

	/** Scripts what "Check every partner agreed" finds, one answer per call. */
	private void goalsAgreed(Boolean first, Boolean... next) {
		Stubber stub = doAnswer(answering(first));
		for (Boolean agreed : next) {
			stub = stub.doAnswer(answering(agreed));
		}
		stub.when(this.checkGoalsAgreed).execute(any());
	}

	private Answer<Void> answering(boolean agreed) {
		return (invocation) -> {
			DelegateExecution execution = invocation.getArgument(0);
			this.checkedCommunities.add(execution.getProcessBusinessKey());
			execution.setVariable(GOALS_AGREED, agreed);
			return null;
		};
	}

	private ProcessInstance startEstablishment() {
		ProcessInstance establishment = runtimeService().startProcessInstanceByKey(KEY, CODE, stageVariables());
		assertThat(establishment).isStarted().hasBusinessKey(CODE);
		return establishment;
	}

	private void doEveryStep(ProcessInstance establishment) {
		recruitPartners(establishment);
		mapNeeds(establishment);
		draftGoals(establishment);
		partnersDecide(establishment, Map.of(FOUNDATION_REP, CONFIRM, MINISTRY_REP, CONFIRM));
		planEvaluation(establishment);
		defineCommunityMix(establishment);
	}

	private void recruitPartners(ProcessInstance establishment) {
		assertThat(establishment).isWaitingAtExactly(RECRUIT_PARTNERS);
		assertUserTask(task(), Groups.PROJECT_MANAGERS, null, 14);
		complete(task());
	}

	private void mapNeeds(ProcessInstance establishment) {
		assertThat(establishment).isWaitingAtExactly(MAP_NEEDS);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	private void draftGoals(ProcessInstance establishment) {
		assertThat(establishment).isWaitingAtExactly(DRAFT_GOALS);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	/**
	 * Each partner's representative confirms the goals or asks for changes, in a task of
	 * their own.
	 */
	private void partnersDecide(ProcessInstance establishment, Map<String, String> decisions) {
		// one multi-instance body, one task per partner: nothing else is waiting
		assertThat(establishment).isWaitingAt(CONFIRM_GOALS).isNotWaitingAt(DRAFT_GOALS, PLAN_EVALUATION);
		List<Task> confirmations = taskQuery().processInstanceId(establishment.getId())
			.taskDefinitionKey(CONFIRM_GOALS)
			.list();
		assertThat(confirmations).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(PARTNER_REPS);
		assertThat(decisions).containsOnlyKeys(PARTNER_REPS);
		for (Task confirmation : confirmations) {
			assertUserTask(confirmation, Groups.PARTNERS, confirmation.getAssignee(), 14);
			complete(confirmation, withVariables(GOALS_DECISION, decisions.get(confirmation.getAssignee())));
		}
	}

	private void planEvaluation(ProcessInstance establishment) {
		assertThat(establishment).isWaitingAtExactly(PLAN_EVALUATION);
		assertUserTask(task(), Groups.PROJECT_MANAGERS, null, 14);
		complete(task());
	}

	private void defineCommunityMix(ProcessInstance establishment) {
		assertThat(establishment).isWaitingAtExactly(DEFINE_COMMUNITY_MIX);
		assertUserTask(task(), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task());
	}

	private void signStageGate(ProcessInstance establishment, String decision) {
		assertThat(establishment).isWaitingAtExactly(SIGN_STAGE_GATE);
		assertUserTask(task(), Groups.PROJECT_MANAGERS, null, 7);
		complete(task(), withVariables(GATE_DECISION, decision));
	}

}
