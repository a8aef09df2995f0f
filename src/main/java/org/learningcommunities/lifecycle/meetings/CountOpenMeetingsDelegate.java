package org.learningcommunities.lifecycle.meetings;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.learningcommunities.lifecycle.community.YearProcess;
import org.springframework.stereotype.Component;

/**
 * Count open meetings: what the gateway "Every meeting held or cancelled?" of a year
 * reads.
 */
@Component
class CountOpenMeetingsDelegate implements JavaDelegate {

	private final MeetingService meetings;

	CountOpenMeetingsDelegate(MeetingService meetings) {
		this.meetings = meetings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(YearProcess.OPEN_MEETINGS,
				this.meetings.countOpenMeetings(execution.getProcessBusinessKey()));
	}

}
