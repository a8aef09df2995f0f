package org.learningcommunities.lifecycle.meetings;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Send the meeting notice": the details and the invitation to the community, a week
 * before the meeting. Asynchronous: a retried job writes to nobody twice.
 */
@Component
class SendMeetingNoticeDelegate implements JavaDelegate {

	private final MeetingNotices notices;

	SendMeetingNoticeDelegate(MeetingNotices notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notices.sendNotice(execution.getProcessBusinessKey(),
				((Number) execution.getVariable(CommunityMeetingProcess.MEETING_ID)).longValue());
	}

}
