package org.learningcommunities.lifecycle.recruitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Close the call: at its deadline, or earlier when the leader closed it.
 */
@Component
class CloseCallDelegate implements JavaDelegate {

	private final CallService calls;

	CloseCallDelegate(CallService calls) {
		this.calls = calls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.calls.close(execution.getProcessBusinessKey());
	}

}
