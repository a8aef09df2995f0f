package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.springframework.stereotype.Component;

/**
 * Count open admissions: what the gateway "Every admission decided?" reads.
 */
@Component
class CountOpenAdmissionsDelegate implements JavaDelegate {

	private final CohortService cohorts;

	CountOpenAdmissionsDelegate(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(YearOneProcess.OPEN_ADMISSIONS,
				this.cohorts.countOpenAdmissions(execution.getProcessBusinessKey()));
	}

}
