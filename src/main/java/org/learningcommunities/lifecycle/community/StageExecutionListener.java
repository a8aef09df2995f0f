package org.learningcommunities.lifecycle.community;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a community's stage current: on the stage call activities of
 * {@code community-lifecycle} (start: entered, end: left) and on its end event
 * (completed). The call activity's id is the stage's process key.
 */
@Component
class StageExecutionListener implements ExecutionListener {

	private final CommunityService communities;

	StageExecutionListener(CommunityService communities) {
		this.communities = communities;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String code = execution.getProcessBusinessKey();
		String activity = execution.getCurrentActivityId();
		if (CommunityLifecycleProcess.COMMUNITY_COMPLETED.equals(activity)) {
			this.communities.complete(code);
			return;
		}
		Stage stage = Stage.ofProcessKey(activity)
			.orElseThrow(() -> new IllegalStateException("Activity " + activity + " is not a stage"));
		if (EVENTNAME_START.equals(execution.getEventName())) {
			this.communities.enterStage(code, stage);
		}
		else {
			this.communities.leaveStage(code, stage);
		}
	}

}
