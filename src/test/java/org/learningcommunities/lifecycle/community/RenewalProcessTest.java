package org.learningcommunities.lifecycle.community;

import java.util.List;

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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.CODE;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.LEADER;
import static org.learningcommunities.lifecycle.community.ProcessTestSupport.assertUserTask;
import static org.learningcommunities.lifecycle.community.RecruitmentSteps.balancedCohort;
import static org.learningcommunities.lifecycle.community.RenewalProcess.FAREWELL_MEMBER;
import static org.learningcommunities.lifecycle.community.RenewalProcess.KEY;
import static org.learningcommunities.lifecycle.community.RenewalProcess.LEAVING_MEMBERS;
import static org.learningcommunities.lifecycle.community.RenewalProcess.MEMBER_ID;
import static org.learningcommunities.lifecycle.community.RenewalProcess.NEW_MEMBERS_WANTED;
import static org.learningcommunities.lifecycle.community.RenewalProcess.RECRUIT_NEW_MEMBERS;
import static org.learningcommunities.lifecycle.community.RenewalProcess.RENEWAL_COMPLETED;
import static org.learningcommunities.lifecycle.community.RenewalProcess.RENEWAL_STARTED;
import static org.learningcommunities.lifecycle.community.RenewalProcess.RENEW_MEMBERSHIP;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMISSION_DECIDED;
import static org.learningcommunities.lifecycle.community.YearOneProcess.CHOOSE_FORUMS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.COHORT_CONFIRM;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.RECRUITMENT_COMPLETED;

/**
 * Engine-only tests of {@code renewal.bpmn}, which years two and three call. It calls
 * {@code recruitment.bpmn} when new members are wanted: deployed with it and driven
 * through {@link RecruitmentSteps}, as year one's. What the forms store (the departures,
 * the members' status) runs in Spring: tasks are completed with the decisions the model
 * reads.
 */
@Deployment(resources = { "processes/renewal.bpmn", "processes/recruitment.bpmn", "processes/community-mix-check.dmn",
		"forms/renew-membership.form", "forms/farewell-member.form", "forms/choose-forums.form",
		"forms/draft-call.form", "forms/follow-applications.form", "forms/confirm-cohort.form" })
class RenewalProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		// recruitment's coverage is asserted by RecruitmentProcessTest
		.excludeProcessDefinitionKeys(RECRUITMENT)
		.assertClassCoverageAtLeast(1.0)
		.build();

	private final RecruitmentSteps recruitment = new RecruitmentSteps();

	@BeforeEach
	void registerFakes() {
		this.recruitment.registerFakes();
	}

	@AfterEach
	void resetFakes() {
		Mocks.reset();
	}

	@Test
	void eachMemberWhoLeavesIsSaidFarewellBeforeTheLeadingCoreIsChosenAgain() {
		// given: a year opened with a renewal
		ProcessInstance renewal = startRenewal();

		// when: two members leave and no one is recruited
		renewMembership(renewal, List.of("7", "9"), false);

		// then: the leader says farewell to each of them, then chooses the forums again
		List<Task> farewells = taskQuery().processInstanceId(renewal.getId()).taskDefinitionKey(FAREWELL_MEMBER).list();
		assertThat(farewells).hasSize(2);
		assertThat(farewells)
			.extracting((farewell) -> runtimeService().getVariable(farewell.getExecutionId(), MEMBER_ID))
			.containsExactlyInAnyOrder("7", "9");
		for (Task farewell : farewells) {
			assertUserTask(farewell, Groups.COMMUNITY_LEADERS, LEADER, 14);
			complete(farewell);
		}
		chooseForums(renewal);
		assertThat(renewal).isEnded()
			.hasPassedInOrder(RENEWAL_STARTED, RENEW_MEMBERSHIP, FAREWELL_MEMBER, FAREWELL_MEMBER, NEW_MEMBERS_WANTED,
					CHOOSE_FORUMS, RENEWAL_COMPLETED)
			.hasNotPassed(RECRUITMENT);
	}

	@Test
	void newMemberIsAdmittedThroughTheSameCallAdmissionAndMixCheckAsInYearOne() {
		// given: a renewal where everyone continues and recruitment reopens
		ProcessInstance renewal = startRenewal();
		renewMembership(renewal, List.of(), true);

		// when: a new round of the call closes with one admission still open, which is
		// then decided, and the cohort is confirmed
		assertThat(renewal).isWaitingAtExactly(RECRUITMENT);
		ProcessInstance round = calledProcessInstance(processInstanceQuery().processDefinitionKey(RECRUITMENT),
				renewal);
		assertThat(round).hasBusinessKey(CODE);
		this.recruitment.openAdmissions.addAll(List.of(1, 0));
		this.recruitment.cohorts.add(balancedCohort());
		this.recruitment.draftCall(round);
		this.recruitment.followApplications(round);
		this.recruitment.closeCallEarly(round);
		this.recruitment.admissionDecided(round);
		this.recruitment.confirmCohort(round, COHORT_CONFIRM);

		// then: the leading core is chosen among the members of this year
		assertThat(round).isEnded().hasPassedInOrder(ADMISSION_DECIDED, RECRUITMENT_COMPLETED);
		chooseForums(renewal);
		assertThat(renewal).isEnded()
			.hasPassedInOrder(RENEWAL_STARTED, RENEW_MEMBERSHIP, NEW_MEMBERS_WANTED, RECRUITMENT, CHOOSE_FORUMS,
					RENEWAL_COMPLETED);
	}

	/** As years two and three call it. */
	private static ProcessInstance startRenewal() {
		ProcessInstance renewal = runtimeService().startProcessInstanceByKey(KEY, CODE, withVariables(
				CommunityLifecycleProcess.COMMUNITY_CODE, CODE, CommunityLifecycleProcess.LEADER, LEADER));
		assertThat(renewal).isStarted().hasBusinessKey(CODE);
		return renewal;
	}

	private static void renewMembership(ProcessInstance renewal, List<String> leaving, boolean recruit) {
		assertThat(renewal).isWaitingAtExactly(RENEW_MEMBERSHIP);
		assertUserTask(task(renewal), Groups.COMMUNITY_LEADERS, LEADER, 14);
		complete(task(renewal), withVariables(LEAVING_MEMBERS, leaving, RECRUIT_NEW_MEMBERS, recruit));
	}

	private static void chooseForums(ProcessInstance renewal) {
		assertThat(renewal).isWaitingAtExactly(CHOOSE_FORUMS);
		assertUserTask(task(renewal), Groups.COMMUNITY_LEADERS, LEADER, 21);
		complete(task(renewal));
	}

}
