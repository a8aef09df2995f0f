package org.learningcommunities.lifecycle.meetings;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The message end events of a community meeting (held or cancelled): tells the stage that
 * waits for its meetings.
 */
@Component
class MeetingConcludedDelegate implements JavaDelegate {

	private final MeetingService meetings;

	MeetingConcludedDelegate(MeetingService meetings) {
		this.meetings = meetings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.meetings.meetingConcluded(execution.getProcessBusinessKey());
	}

}
