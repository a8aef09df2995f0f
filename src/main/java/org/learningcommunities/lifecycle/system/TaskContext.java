package org.learningcommunities.lifecycle.system;

/**
 * Who acts on which task of which community.
 *
 * @param communityCode the business key of the task's process instance
 * @param processKey the key of the task's process (the stage, for stage processes)
 * @param taskKey the task definition key
 * @param userId the user completing the task, or the assignee when no one is
 * authenticated (engine tests)
 * @param assignee the task's assignee, if any
 */
public record TaskContext(String communityCode, String processKey, String taskKey, String userId, String assignee) {
}
