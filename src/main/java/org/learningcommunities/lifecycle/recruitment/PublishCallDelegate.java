package org.learningcommunities.lifecycle.recruitment;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.springframework.stereotype.Component;

/**
 * Publish the call: opens the drafted round and sets when it closes by itself, the date
 * of the timer "Deadline passed".
 */
@Component
class PublishCallDelegate implements JavaDelegate {

	private final CallService calls;

	PublishCallDelegate(CallService calls) {
		this.calls = calls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(YearOneProcess.CALL_DEADLINE,
				Date.from(this.calls.publish(execution.getProcessBusinessKey())));
	}

}
