package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.util.List;

/**
 * An open user task of a community, as the progress views show it.
 *
 * @param candidateGroups the groups offered the task (empty for none), its owner while
 * nobody is assigned
 * @param processInstanceId the instance the task belongs to (a candidate's admission, a
 * meeting, a stage)
 * @param rootInstanceId the community's {@code community-lifecycle} instance
 */
public record OpenTask(String taskId, String processKey, String taskKey, String name, String assignee,
		List<String> candidateGroups, Instant due, Instant created, String processInstanceId, String rootInstanceId) {

	public boolean overdueAt(Instant now) {
		return this.due != null && this.due.isBefore(now);
	}

}
