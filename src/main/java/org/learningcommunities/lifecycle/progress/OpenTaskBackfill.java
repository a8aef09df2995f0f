package org.learningcommunities.lifecycle.progress;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the open tasks mirrored before V13 their candidate groups and process instances,
 * once, from the engine's services: new tasks get them from their create event
 * ({@link OpenTaskEventListener}). Idempotent, so every node of a cluster may run it.
 */
@Component
class OpenTaskBackfill {

	private static final Logger log = LoggerFactory.getLogger(OpenTaskBackfill.class);

	private final OpenTaskRepository openTasks;

	private final TaskService tasks;

	private final RuntimeService runtime;

	OpenTaskBackfill(OpenTaskRepository openTasks, TaskService tasks, RuntimeService runtime) {
		this.openTasks = openTasks;
		this.tasks = tasks;
		this.runtime = runtime;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void fill() {
		int filled = 0;
		for (String taskId : this.openTasks.withoutInstance()) {
			Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				continue;
			}
			List<String> groups = this.tasks.getIdentityLinksForTask(taskId)
				.stream()
				.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
				.map(IdentityLink::getGroupId)
				.filter(Objects::nonNull)
				.sorted()
				.toList();
			ProcessInstance instance = this.runtime.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult();
			String root = (instance != null && instance.getRootProcessInstanceId() != null)
					? instance.getRootProcessInstanceId() : task.getProcessInstanceId();
			this.openTasks.fill(taskId, groups, task.getProcessInstanceId(), root);
			filled++;
		}
		if (filled > 0) {
			log.info("Gave {} open tasks of an earlier version their candidate groups and process instances", filled);
		}
	}

}
