package org.learningcommunities.lifecycle.workspace;

import java.time.Instant;

/**
 * An open task as the inbox shows it.
 *
 * @param name the task's name as the model writes it ("עברית / English")
 * @param subject what or whom it is about ("עברית / English" or one word for both), or
 * {@code null}
 * @param offeredToMe whether the signed-in person may take it (or release it back)
 */
record InboxTask(String taskId, String communityCode, String communityName, String taskKey, String name, String subject,
		String assignee, Instant due, Instant created, boolean offeredToMe) {

	boolean overdueAt(Instant now) {
		return this.due != null && this.due.isBefore(now);
	}

	boolean heldBy(String userId) {
		return userId != null && userId.equals(this.assignee);
	}

}
