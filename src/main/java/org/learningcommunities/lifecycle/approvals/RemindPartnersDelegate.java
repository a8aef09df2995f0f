package org.learningcommunities.lifecycle.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Remind the partners who have not decided": asynchronous, so a mail server that is down
 * fails this job, which the engine retries, and never a partner's form; a retried job
 * sends no second mail.
 */
@Component
class RemindPartnersDelegate implements JavaDelegate {

	private final WorkPlanService plans;

	RemindPartnersDelegate(WorkPlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int year = ((Number) execution.getVariable(WorkPlanApprovalProcess.PLAN_YEAR)).intValue();
		this.plans.remindPendingPartners(execution.getProcessBusinessKey(), year);
	}

}
