package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a task's due date, the one way a due date changes after the model set it
 * (docs/adr/0021-engine-api-allowed-per-role.md): a project manager gives the new date
 * and the reason. Both stay in the engine's history, as the signed-in manager: the change
 * in the user operation log (property {@code dueDate}, old and new value) and the reason
 * as a comment on the task. The open-task table and the Overdue views follow the task's
 * update event.
 */
@Service
class TaskDueDateService {

	private static final Logger log = LoggerFactory.getLogger(TaskDueDateService.class);

	private final TaskService tasks;

	TaskDueDateService(TaskService tasks) {
		this.tasks = tasks;
	}

	/** The task with its new due date, or empty when no such open task exists. */
	@Transactional
	public Optional<Task> move(String taskId, Instant due, String reason) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		Date before = task.getDueDate();
		task.setDueDate(Date.from(due));
		this.tasks.saveTask(task);
		this.tasks.createComment(taskId, task.getProcessInstanceId(), reason);
		log.info("Due date of task {} ({}) moved from {} to {}", taskId, task.getTaskDefinitionKey(), before, due);
		return Optional.of(task);
	}

}
