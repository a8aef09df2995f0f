package org.learningcommunities.lifecycle.recruitment;

import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the forms of screening and interview are read from and stored to.
 */
@Configuration(proxyBeanMethods = false)
class RecruitmentForms {

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
