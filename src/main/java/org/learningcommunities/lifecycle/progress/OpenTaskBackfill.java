package org.learningcommunities.lifecycle.progress;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

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

	private final Map<String, TaskSubject> subjects;

	OpenTaskBackfill(OpenTaskRepository openTasks, TaskService tasks, RuntimeService runtime,
			List<TaskSubject> subjects) {
		this.openTasks = openTasks;
		this.tasks = tasks;
		this.runtime = runtime;
		this.subjects = subjects.stream().collect(Collectors.toMap(TaskSubject::processKey, Function.identity()));
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
		nameSubjects();
	}

	/** Names the subject of the open tasks mirrored before V15 kept one. */
	private void nameSubjects() {
		int named = 0;
		for (Map.Entry<String, String> task : this.openTasks.withoutSubject(this.subjects.keySet())) {
			Task engineTask = this.tasks.createTaskQuery().taskId(task.getKey()).singleResult();
			if (engineTask == null) {
				continue;
			}
			String processKey = engineTask.getProcessDefinitionId().split(":")[0];
			TaskSubject subject = this.subjects.get(processKey);
			String instance = task.getValue();
			this.openTasks.nameSubject(task.getKey(), (subject != null)
					? subject.of((name) -> this.runtime.getVariable(instance, name)).orElse(null) : null);
			named++;
		}
		if (named > 0) {
			log.info("Named the subject of {} open tasks of an earlier version", named);
		}
	}

}
