package org.learningcommunities.lifecycle.recruitment;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.springframework.stereotype.Component;

/**
 * On the end of "Check the mix": records the shortfalls the decision listed, which
 * "Confirm the cohort" shows the leader.
 */
@Component
class MixCheckExecutionListener implements ExecutionListener {

	private final CohortService cohorts;

	MixCheckExecutionListener(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Collection<?> shortfalls = (Collection<?>) execution.getVariable(YearOneProcess.MIX_SHORTFALLS);
		List<String> texts = (shortfalls != null) ? shortfalls.stream().map(String::valueOf).toList() : List.of();
		this.cohorts.recordMixCheck(execution.getProcessBusinessKey(), texts);
	}

}
