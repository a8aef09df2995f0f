package org.learningcommunities.lifecycle.progress;

import java.time.Instant;

/**
 * An open user task of a community, as the progress views show it.
 */
public record OpenTask(String taskId, String processKey, String taskKey, String name, String assignee, Instant due,
		Instant created) {

	public boolean overdueAt(Instant now) {
		return this.due != null && this.due.isBefore(now);
	}

}
