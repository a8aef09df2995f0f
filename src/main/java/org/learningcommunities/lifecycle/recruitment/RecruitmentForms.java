package org.learningcommunities.lifecycle.recruitment;

import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of recruitment is read from and stored to: year one's call for
 * applications and cohort, and each candidate's screening and interview.
 */
@Configuration(proxyBeanMethods = false)
class RecruitmentForms {

	@Bean
	TaskFormHandler draftCallForm(CallService calls) {
		return FormHandlers.of(YearOneProcess.DRAFT_CALL, calls::draftCallForm, calls::draftCall);
	}

	@Bean
	TaskFormHandler followApplicationsForm(CallService calls) {
		return FormHandlers.of(YearOneProcess.FOLLOW_APPLICATIONS, calls::followApplicationsForm,
				calls::closeCallEarly);
	}

	@Bean
	TaskFormHandler confirmCohortForm(CohortService cohorts) {
		return FormHandlers.of(YearOneProcess.CONFIRM_COHORT, cohorts::confirmCohortForm, cohorts::confirmCohort);
	}

	@Bean
	TaskFormHandler screenCandidateForm(RecruitmentService recruitment) {
		return FormHandlers.of(CandidateAdmissionProcess.SCREEN_CANDIDATE, recruitment::screeningForm,
				recruitment::screen);
	}

	@Bean
	TaskFormHandler interviewCandidateForm(RecruitmentService recruitment) {
		return FormHandlers.of(CandidateAdmissionProcess.INTERVIEW_CANDIDATE, recruitment::interviewForm,
				recruitment::interview);
	}

}
