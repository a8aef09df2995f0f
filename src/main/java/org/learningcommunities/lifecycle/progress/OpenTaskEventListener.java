package org.learningcommunities.lifecycle.progress;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the open user tasks of every community into lc_open_task, from the event
 * bridge, in the engine's own transaction: the table never disagrees with the engine.
 */
@Component
class OpenTaskEventListener {

	private final OpenTaskRepository openTasks;

	private final Clock clock;

	private final Map<String, TaskSubject> subjects;

	OpenTaskEventListener(OpenTaskRepository openTasks, Clock clock, List<TaskSubject> subjects) {
		this.openTasks = openTasks;
		this.clock = clock;
		this.subjects = subjects.stream().collect(Collectors.toMap(TaskSubject::processKey, Function.identity()));
	}

	@EventListener
	public void onTaskEvent(DelegateTask task) {
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> {
				String code = task.getExecution().getProcessBusinessKey();
				if (code != null) {
					String processKey = task.getProcessDefinitionId().split(":")[0];
					this.openTasks.insert(new OpenTaskRepository.NewTask(task.getId(), code, processKey,
							task.getTaskDefinitionKey(), task.getName(), task.getAssignee(), candidateGroups(task),
							task.getDueDate(), task.getProcessInstanceId(), rootInstanceId(task.getExecution()),
							subject(processKey, task.getExecution())), this.clock.instant());
				}
			}
			case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE ->
				this.openTasks.update(task.getId(), task.getAssignee(), task.getDueDate());
			case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> this.openTasks.delete(task.getId());
			default -> {
				// timeout events change nothing that we track
			}
		}
	}

	/**
	 * What the task is about, from the capability that owns its process; {@code null}
	 * when the process names no subject.
	 */
	private String subject(String processKey, DelegateExecution execution) {
		TaskSubject subject = this.subjects.get(processKey);
		return (subject != null) ? subject.of(execution::getVariable).orElse(null) : null;
	}

	/**
	 * The task's candidate groups, set from the model before the create event: the board
	 * names them as the owner of a task nobody is assigned to.
	 */
	private static List<String> candidateGroups(DelegateTask task) {
		return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
	}

	/**
	 * The community's {@code community-lifecycle} instance, at the top of the call
	 * activities: the board links a community to it in Cockpit. The engine keeps its id
	 * on every execution (walking up the super executions would load each of them).
	 */
	private static String rootInstanceId(DelegateExecution execution) {
		return ((ExecutionEntity) execution).getRootProcessInstanceId();
	}

}
