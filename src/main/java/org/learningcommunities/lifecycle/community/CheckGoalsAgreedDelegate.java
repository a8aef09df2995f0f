package org.learningcommunities.lifecycle.community;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Check every partner agreed: the decision the gateway "Agreed by every partner?" reads.
 */
@Component
class CheckGoalsAgreedDelegate implements JavaDelegate {

	private final EstablishmentService establishment;

	CheckGoalsAgreedDelegate(EstablishmentService establishment) {
		this.establishment = establishment;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(EstablishmentProcess.GOALS_AGREED,
				this.establishment.goalsAgreedByEveryPartner(execution.getProcessBusinessKey()));
	}

}
