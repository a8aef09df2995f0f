package org.learningcommunities.lifecycle.community;

import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of establishment, the year summaries and the stage gate is read from
 * and stored to.
 */
@Configuration(proxyBeanMethods = false)
class CommunityForms {

	@Bean
	TaskFormHandler recruitPartnersForm(EstablishmentService establishment) {
		return FormHandlers.of(EstablishmentProcess.RECRUIT_PARTNERS, establishment::sharedVisionForm,
				establishment::recordSharedVision);
	}

	@Bean
	TaskFormHandler mapNeedsForm(EstablishmentService establishment) {
		return FormHandlers.of(EstablishmentProcess.MAP_NEEDS, establishment::needsForm, establishment::recordNeeds);
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
		return FormHandlers.of(EstablishmentProcess.PLAN_EVALUATION, establishment::evaluationPlanForm,
				establishment::recordEvaluationPlan);
	}

	@Bean
	TaskFormHandler defineCommunityMixForm(EstablishmentService establishment) {
		return FormHandlers.of(EstablishmentProcess.DEFINE_COMMUNITY_MIX, establishment::communityMixForm,
				establishment::recordCommunityMix);
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

}
