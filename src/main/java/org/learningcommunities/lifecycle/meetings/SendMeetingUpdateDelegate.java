package org.learningcommunities.lifecycle.meetings;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the community the meeting moved" and "... is cancelled": an update to whoever got
 * the notice, with the invitation that changes their calendar. Asynchronous; the path of
 * the change (its execution) tells one move from the next, so a retried job writes to
 * nobody twice.
 */
@Component
class SendMeetingUpdateDelegate implements JavaDelegate {

	private final MeetingNotices notices;

	SendMeetingUpdateDelegate(MeetingNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notices.sendUpdate(execution.getProcessBusinessKey(),
				((Number) execution.getVariable(CommunityMeetingProcess.MEETING_ID)).longValue(), execution.getId());
	}

}
