package org.learningcommunities.lifecycle.system;

import java.util.Map;

/**
 * Who acts on which task of which community.
 *
 * @param communityCode the business key of the task's process instance
 * @param processKey the key of the task's process (the stage, for stage processes)
 * @param taskKey the task definition key
 * @param userId the user completing the task, or the assignee when no one is
 * authenticated (engine tests)
 * @param assignee the task's assignee, if any
 * @param variables the process variables the task's execution sees (the ids a process
 * keeps, such as {@code candidateId}), read-only
 */
public record TaskContext(String communityCode, String processKey, String taskKey, String userId, String assignee,
		Map<String, Object> variables) {

	public TaskContext(String communityCode, String processKey, String taskKey, String userId, String assignee) {
		this(communityCode, processKey, taskKey, userId, assignee, Map.of());
	}

	/** A process variable, or {@code null} when the process has none by that name. */
	public Object variable(String name) {
		return this.variables.get(name);
	}

}
