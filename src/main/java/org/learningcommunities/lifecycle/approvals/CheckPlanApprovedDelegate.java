package org.learningcommunities.lifecycle.approvals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check both partners approved the same version": the decision the gateway "Approved by
 * both partners?" reads.
 */
@Component
class CheckPlanApprovedDelegate implements JavaDelegate {

	private final WorkPlanService plans;

	CheckPlanApprovedDelegate(WorkPlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int year = ((Number) execution.getVariable(WorkPlanApprovalProcess.PLAN_YEAR)).intValue();
		execution.setVariable(WorkPlanApprovalProcess.PLAN_APPROVED,
				this.plans.approvedByBothPartners(execution.getProcessBusinessKey(), year));
	}

}
