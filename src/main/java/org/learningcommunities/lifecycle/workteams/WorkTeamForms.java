package org.learningcommunities.lifecycle.workteams;

import org.learningcommunities.lifecycle.community.YearTwoProcess;
import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of the work teams is read from and stored to: year two's first meeting
 * that forms them, and each team's stages.
 */
@Configuration(proxyBeanMethods = false)
class WorkTeamForms {

	@Bean
	TaskFormHandler formWorkTeamsForm(WorkTeamService teams) {
		return FormHandlers.of(YearTwoProcess.FORM_WORK_TEAMS, teams::formWorkTeamsForm, teams::formWorkTeams);
	}

	@Bean
	TaskFormHandler setUpWorkTeamForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.SET_UP_WORK_TEAM, teams::setUpForm, teams::setUp);
	}

	@Bean
	TaskFormHandler planTeamProductForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.PLAN_TEAM_PRODUCT, teams::planForm, teams::plan);
	}

	@Bean
	TaskFormHandler approveTeamBudgetForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.APPROVE_TEAM_BUDGET, teams::budgetForm, teams::decideBudget);
	}

	@Bean
	TaskFormHandler reviewTeamDraftsForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.REVIEW_TEAM_DRAFTS, teams::draftsForm, teams::reviewDrafts);
	}

	@Bean
	TaskFormHandler finalizeTeamProductForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.FINALIZE_TEAM_PRODUCT, teams::finalForm, teams::finalizeProduct);
	}

	@Bean
	TaskFormHandler decideOnLateTeamForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.DECIDE_ON_LATE_TEAM, teams::lateTeamForm, teams::decideOnLateTeam);
	}

	@Bean
	TaskFormHandler presentProductForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.PRESENT_PRODUCT, teams::presentationForm, teams::present);
	}

	@Bean
	TaskFormHandler summarizeTeamWorkForm(WorkTeamService teams) {
		return FormHandlers.of(WorkTeamProcess.SUMMARIZE_TEAM_WORK, teams::summaryForm, teams::summarize);
	}

}
