package org.learningcommunities.lifecycle.community;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinition;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.COMMUNITY_CODE;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.COMMUNITY_COMPLETED;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.FOUNDATION_REP;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.KEY;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.LEADER;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.MINISTRY_REP;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.PARTNER_REPS;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.REGISTER_COMMUNITY;
import static org.learningcommunities.lifecycle.community.CommunityLifecycleProcess.START_FORM;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;

/**
 * Engine-only tests of {@code community-lifecycle.bpmn}. The stages and the work-plan
 * approval are stubbed by one-task processes under their process keys (each has its own
 * *ProcessTest); "Register community" and the stage listener are fakes that write what
 * they were called for into a journal.
 */
@Deployment(resources = { "processes/community-lifecycle.bpmn", "forms/start-community-lifecycle.form" })
class CommunityLifecycleProcessTest {

	private static final String COMMUNITY_PROPOSED = "community-proposed";

	/** The only task of each stage stub. */
	private static final String STAGE_WORK = "stage-work";

	private static final List<String> STAGES = Arrays.stream(Stage.values())
		.map(Stage::processKey)
		.filter((key) -> key != null)
		.toList();

	/** The processes the lifecycle calls: the stages and the work-plan approval. */
	private static final List<String> CALLED = Stream.concat(STAGES.stream(), Stream.of(WorkPlanApprovalProcess.KEY))
		.toList();

	/** The call activity of the work-plan approval before each year. */
	private static final Map<String, String> WORK_PLAN_BEFORE = Map.of(Stage.YEAR_ONE.processKey(),
			"year-one-work-plan", Stage.YEAR_TWO.processKey(), "year-two-work-plan", Stage.YEAR_THREE.processKey(),
			"year-three-work-plan");

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		// the stubs stand in for the stages and the approval here; each one's coverage
		// is asserted by its own test class
		.excludeProcessDefinitionKeys(CALLED.toArray(String[]::new))
		.assertClassCoverageAtLeast(1.0)
		.build();

	/** What the delegate and the listener were called for, in order: "activity event". */
	private final List<String> journal = new ArrayList<>();

	private final List<String> stubDeployments = new ArrayList<>();

	@BeforeEach
	void deployStageStubs() {
		for (String stage : CALLED) {
			BpmnModelInstance stub = Bpmn.createExecutableProcess(stage)
				.camundaHistoryTimeToLive(1825)
				.startEvent()
				.userTask(STAGE_WORK)
				.endEvent()
				.done();
			this.stubDeployments.add(repositoryService().createDeployment()
				.name(stage + "-stub")
				.addModelInstance(stage + ".bpmn", stub)
				.deploy()
				.getId());
		}
	}

	@BeforeEach
	void registerFakes() {
		Mocks.register("registerCommunityDelegate", registerCommunity());
		Mocks.register("stageExecutionListener", (ExecutionListener) (execution) -> this.journal
			.add(execution.getCurrentActivityId() + " " + execution.getEventName()));
	}

	@AfterEach
	void removeStubsAndFakes() {
		this.stubDeployments.forEach((id) -> repositoryService().deleteDeployment(id, true));
		Mocks.reset();
	}

	@Test
	void proposedCommunityRunsItsStagesInOrderUnderItsCode() {
		// given: the project manager filled in the start form for a community, with its
		// code as business key
		// when: the lifecycle starts
		ProcessInstance lifecycle = runtimeService().startProcessInstanceByKey(KEY, CODE, startForm());

		// then: the community is registered first, then each stage runs in order under
		// the community's code, each year once the partners approved its work plan
		assertThat(lifecycle).isStarted().hasBusinessKey(CODE).hasPassedInOrder(COMMUNITY_PROPOSED, REGISTER_COMMUNITY);
		assertThat(this.journal).first().isEqualTo(REGISTER_COMMUNITY);
		STAGES.forEach((stage) -> runStage(lifecycle, stage));
		assertThat(lifecycle).isEnded()
			.hasPassedInOrder(COMMUNITY_PROPOSED, REGISTER_COMMUNITY, Stage.ESTABLISHMENT.processKey(),
					"year-one-work-plan", Stage.YEAR_ONE.processKey(), "year-two-work-plan",
					Stage.YEAR_TWO.processKey(), "year-three-work-plan", Stage.YEAR_THREE.processKey(),
					COMMUNITY_COMPLETED);
		assertThat(this.journal).containsExactly(REGISTER_COMMUNITY, "establishment start", "establishment end",
				"year-one start", "year-one end", "year-two start", "year-two end", "year-three start",
				"year-three end", "community-completed start");
	}

	@Test
	void communityStartedWithoutBusinessKeyRunsItsStagesUnderTheRegisteredCode() {
		// given: the start form sent from Tasklist's start dialog, which may leave the
		// business key empty
		// when: the lifecycle starts and "Register community" makes the code the business
		// key
		ProcessInstance lifecycle = runtimeService().startProcessInstanceByKey(KEY, startForm());

		// then: every stage is called with that code as its business key
		assertThat(processInstanceQuery().processInstanceId(lifecycle.getId()).singleResult().getBusinessKey())
			.isEqualTo(CODE);
		STAGES.forEach((stage) -> runStage(lifecycle, stage));
		assertThat(lifecycle).isEnded();
	}

	@Test
	@ExcludeFromProcessCoverage // starts nothing: no coverage to compute
	void startFormIsDeployedWithTheModel() throws IOException {
		// given: the deployed lifecycle
		String definitionId = processDefinition(KEY).getId();

		// when: Tasklist asks for its start form
		try (InputStream form = formService().getDeployedStartForm(definitionId)) {
			// then: it is the Camunda Form of the same deployment
			assertThat(new ObjectMapper().readTree(form).path("id").asText()).isEqualTo(START_FORM);
		}
	}

	/**
	 * Before a year: checks what the lifecycle passed to the work-plan approval of that
	 * year, then finishes the approval stub. Then checks what the lifecycle passed to the
	 * called stage, and finishes the stage stub.
	 */
	private void runStage(ProcessInstance lifecycle, String stage) {
		if (WORK_PLAN_BEFORE.containsKey(stage)) {
			approveWorkPlan(lifecycle, WORK_PLAN_BEFORE.get(stage), STAGES.indexOf(stage));
		}
		assertThat(lifecycle).isWaitingAtExactly(stage);
		ProcessInstance called = calledProcessInstance(processInstanceQuery().processDefinitionKey(stage), lifecycle);
		assertThat(called).hasBusinessKey(CODE)
			.variables()
			.containsOnly(entry(COMMUNITY_CODE, CODE), entry(LEADER, ProcessTestSupport.LEADER),
					entry(PARTNER_REPS, ProcessTestSupport.PARTNER_REPS));
		assertThat(called).isWaitingAtExactly(STAGE_WORK);
		complete(task(called));
	}

	/**
	 * Checks that the lifecycle waits for the work-plan approval of a year, called with
	 * the community and the year, and finishes the approval stub: the year has not
	 * started before.
	 */
	private void approveWorkPlan(ProcessInstance lifecycle, String callActivity, long year) {
		assertThat(lifecycle).isWaitingAtExactly(callActivity);
		assertThat(this.journal).last().asString().endsWith(" end");
		ProcessInstance approval = calledProcessInstance(
				processInstanceQuery().processDefinitionKey(WorkPlanApprovalProcess.KEY).active(), lifecycle);
		assertThat(approval).hasBusinessKey(CODE)
			.variables()
			.containsOnly(entry(COMMUNITY_CODE, CODE), entry(LEADER, ProcessTestSupport.LEADER),
					entry(PARTNER_REPS, ProcessTestSupport.PARTNER_REPS),
					entry(WorkPlanApprovalProcess.PLAN_YEAR, year));
		assertThat(approval).isWaitingAtExactly(STAGE_WORK);
		complete(task(approval));
	}

	/** The fields of {@code start-community-lifecycle.form}, as Tasklist submits them. */
	private static Map<String, Object> startForm() {
		return withVariables("name", "Economic development 2026", "code", CODE, "professionalField",
				"Economic development", LEADER, ProcessTestSupport.LEADER, FOUNDATION_REP,
				ProcessTestSupport.FOUNDATION_REP, MINISTRY_REP, ProcessTestSupport.MINISTRY_REP, "professionalPartner",
				"Local authorities centre", "plannedStart", "2026-09-01", "targetSize", 24);
	}

	/**
	 * Stands in for {@link RegisterCommunityDelegate}: what it leaves on the process (the
	 * code as business key when none was given, the community code, the partners'
	 * representatives), without the database.
	 */
	private JavaDelegate registerCommunity() {
		return (execution) -> {
			this.journal.add(REGISTER_COMMUNITY);
			String code = (String) execution.getVariable("code");
			if (execution.getProcessBusinessKey() == null) {
				execution.setProcessBusinessKey(code);
			}
			execution.setVariable(COMMUNITY_CODE, code);
			execution.setVariable(PARTNER_REPS,
					List.of(execution.getVariable(FOUNDATION_REP), execution.getVariable(MINISTRY_REP)));
		};
	}

}
