package org.learningcommunities.lifecycle.approvals;

import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where each form of {@code work-plan-approval} is read from and stored to.
 */
@Configuration(proxyBeanMethods = false)
class WorkPlanForms {

	@Bean
	TaskFormHandler draftWorkPlanForm(WorkPlanService plans) {
		return FormHandlers.of(WorkPlanApprovalProcess.DRAFT_WORK_PLAN, plans::draftForm, plans::draft);
	}

	@Bean
	TaskFormHandler approveWorkPlanForm(WorkPlanService plans) {
		return FormHandlers.of(WorkPlanApprovalProcess.APPROVE_WORK_PLAN, plans::approvalForm, plans::decide);
	}

	@Bean
	TaskFormHandler escalateWorkPlanApprovalForm(WorkPlanService plans) {
		return FormHandlers.of(WorkPlanApprovalProcess.ESCALATE_WORK_PLAN_APPROVAL, plans::escalationForm,
				plans::escalate);
	}

}
