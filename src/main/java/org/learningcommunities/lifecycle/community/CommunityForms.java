package org.learningcommunities.lifecycle.community;

import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of establishment, the forums, the renewal of later years, the year
 * summaries and the stage gate is read from and stored to.
 */
@Configuration(proxyBeanMethods = false)
class CommunityForms {

	@Bean
	TaskFormHandler recruitPartnersForm(EstablishmentService establishment) {
		return step(EstablishmentProcess.RECRUIT_PARTNERS, StepTable.SHARED_VISION, establishment);
	}

	@Bean
	TaskFormHandler mapNeedsForm(EstablishmentService establishment) {
		return step(EstablishmentProcess.MAP_NEEDS, StepTable.NEEDS_MAPPING, establishment);
	}

	@Bean
	TaskFormHandler draftGoalsForm(EstablishmentService establishment) {
		return FormHandlers.of(EstablishmentProcess.DRAFT_GOALS, establishment::draftGoalsForm,
				establishment::draftGoals);
	}

	@Bean
	TaskFormHandler confirmGoalsForm(EstablishmentService establishment) {
		return FormHandlers.of(EstablishmentProcess.CONFIRM_GOALS, establishment::confirmGoalsForm,
				establishment::confirmGoals);
	}

	@Bean
	TaskFormHandler planEvaluationForm(EstablishmentService establishment) {
		return step(EstablishmentProcess.PLAN_EVALUATION, StepTable.EVALUATION_PLAN, establishment);
	}

	@Bean
	TaskFormHandler defineCommunityMixForm(EstablishmentService establishment) {
		return step(EstablishmentProcess.DEFINE_COMMUNITY_MIX, StepTable.COMMUNITY_MIX, establishment);
	}

	@Bean
	TaskFormHandler chooseForumsForm(ForumsService forums) {
		return FormHandlers.of(YearOneProcess.CHOOSE_FORUMS, forums::forumsForm, forums::chooseForums);
	}

	@Bean
	TaskFormHandler recordFirstMeetingForm(ForumsService forums) {
		return FormHandlers.of(YearOneProcess.RECORD_FIRST_MEETING, forums::firstMeetingForm,
				forums::recordFirstMeeting);
	}

	@Bean
	TaskFormHandler renewMembershipForm(RenewalService renewal) {
		return FormHandlers.of(RenewalProcess.RENEW_MEMBERSHIP, renewal::renewMembershipForm, renewal::renewMembership);
	}

	@Bean
	TaskFormHandler farewellMemberForm(RenewalService renewal) {
		return FormHandlers.of(RenewalProcess.FAREWELL_MEMBER, renewal::farewellForm, renewal::sayFarewell);
	}

	@Bean
	TaskFormHandler summarizeYearForm(CommunityService communities) {
		return FormHandlers.of(YearProcess.SUMMARIZE_YEAR, communities::yearSummaryForm, communities::summarizeYear);
	}

	@Bean
	TaskFormHandler signStageGateForm(CommunityService communities) {
		return FormHandlers.of(CommunityLifecycleProcess.SIGN_STAGE_GATE, communities::stageGateForm,
				communities::signStageGate);
	}

	private static TaskFormHandler step(String taskKey, StepTable step, EstablishmentService establishment) {
		return FormHandlers.of(taskKey, (task) -> establishment.stepForm(task, step),
				(task, form) -> establishment.recordStep(task, step, form));
	}

}
