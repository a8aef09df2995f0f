package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Measure the cohort: sets the inputs of the mix check that follows.
 */
@Component
class MeasureCohortDelegate implements JavaDelegate {

	private final CohortService cohorts;

	MeasureCohortDelegate(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariables(this.cohorts.measure(execution.getProcessBusinessKey()).decisionInputs());
	}

}
