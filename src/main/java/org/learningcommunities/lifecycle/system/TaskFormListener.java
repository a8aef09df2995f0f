package org.learningcommunities.lifecycle.system;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Connects every user task to its Camunda Form and its {@link TaskFormHandler}, through
 * the starter's event bridge (so no model has to declare it):
 * <ul>
 * <li>task created: every field of the form becomes a local variable of the task's
 * execution, prefilled by the handler (stored data to revise, read-only context);</li>
 * <li>the user task's activity ends (the task was completed): the submission is validated
 * against the form's own rules and stored by the handler; the form's values are then
 * removed from the process, and only the decisions the handler returns stay for the
 * gateways.</li>
 * </ul>
 * Validation runs in the execution listener rather than the task's complete listener
 * because the engine wraps a task listener's exception (the REST API would answer 500);
 * an {@link InvalidFormException} from an execution listener reaches the REST API as it
 * is, which answers 400. Either way the transaction rolls back: nothing is stored and the
 * task stays open (docs/adr/0003-server-side-form-validation.md).
 */
@Component
class TaskFormListener {

	private static final Logger log = LoggerFactory.getLogger(TaskFormListener.class);

	/** Transient: who the task was assigned to when it was completed (not stored). */
	private static final String COMPLETED_TASK_ASSIGNEE = "completedTaskAssignee";

	/**
	 * Transient: the key of the task being completed. Two people completing one task at
	 * once: the one who loses the race reads the process as the winner left it, already
	 * at the next task; their submission is then a conflict, not that task's form.
	 */
	private static final String COMPLETED_TASK_KEY = "completedTaskKey";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final FormSchemas forms;

	private final Map<String, TaskFormHandler> handlers;

	TaskFormListener(FormSchemas forms, List<TaskFormHandler> handlers) {
		this.forms = forms;
		this.handlers = handlers.stream().collect(Collectors.toMap(TaskFormHandler::taskKey, Function.identity()));
	}

	/**
	 * One listener for every task event, the event's name tested here: a SpEL condition
	 * per listener would be evaluated for each event of each task.
	 */
	@EventListener
	public void onTaskEvent(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			onTaskCreated(task);
		}
		else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
			onTaskCompleted(task);
		}
	}

	private void onTaskCreated(DelegateTask task) {
		Optional<FormSchema> schema = schemaOf(task.getBpmnModelElementInstance());
		if (schema.isEmpty()) {
			return;
		}
		TaskFormHandler handler = this.handlers.get(task.getTaskDefinitionKey());
		Map<String, Object> prefill = (handler != null)
				? handler.prefill(context(task.getExecution(), task.getAssignee())) : Map.of();
		for (String key : schema.get().prefilledKeys()) {
			Object value = prefill.get(key);
			if (value == null) {
				// A value left from an earlier round must never count as this round's
				// answer. No null
				// placeholder either: Tasklist would submit the field with the
				// placeholder's type (Null).
				task.getExecution().removeVariable(key);
			}
			else {
				task.getExecution().setVariableLocal(key, typed(value));
			}
		}
	}

	/**
	 * Lists as JSON values, the type Tasklist gives checklists, so that it sends them
	 * back the same way.
	 */
	private static Object typed(Object value) {
		if (value instanceof Collection<?> list) {
			try {
				return SpinValues.jsonValue(JSON.writeValueAsString(list)).create();
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("Cannot write a list as JSON", ex);
			}
		}
		return value;
	}

	private void onTaskCompleted(DelegateTask task) {
		task.getExecution().setVariableLocal(COMPLETED_TASK_ASSIGNEE, Variables.stringValue(task.getAssignee(), true));
		task.getExecution()
			.setVariableLocal(COMPLETED_TASK_KEY, Variables.stringValue(task.getTaskDefinitionKey(), true));
	}

	/**
	 * Every execution event of every activity comes here (the event's name is tested in
	 * code rather than by a SpEL condition evaluated for each of them).
	 */
	@EventListener
	public void onExecutionEvent(DelegateExecution execution) {
		if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())) {
			onActivityEnded(execution);
		}
	}

	private void onActivityEnded(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		if (!(element instanceof UserTask userTask) || execution.isCanceled()
				|| !userTask.getId().equals(execution.getCurrentActivityId())) {
			return;
		}
		Object completedKey = execution.getVariableLocal(COMPLETED_TASK_KEY);
		if (completedKey != null && !completedKey.equals(userTask.getId())) {
			// answered 409 (ConflictResponses): nothing of this submission is stored
			throw new OptimisticLockingException("Task " + completedKey + " of community "
					+ execution.getProcessBusinessKey() + " was completed by someone else at the same moment");
		}
		Optional<FormSchema> schema = schemaOf(userTask);
		if (schema.isEmpty()) {
			return;
		}
		Map<String, Object> submitted = new HashMap<>();
		for (String key : schema.get().keys()) {
			submitted.put(key, execution.getVariable(key));
		}
		TaskContext context = context(execution, (String) execution.getVariableLocal(COMPLETED_TASK_ASSIGNEE));
		List<FormSchema.FieldError> errors = new ArrayList<>();
		SubmittedVariables.changedIn(execution)
			.stream()
			.filter((name) -> !schema.get().prefilledKeys().contains(name))
			.sorted()
			.forEach((name) -> errors.add(new FormSchema.FieldError(name, "is not a field of this form")));
		errors.addAll(schema.get().validate(submitted));
		if (!errors.isEmpty()) {
			// the user's mistake, answered 400: one line, no stack (RefusalLogging)
			log.warn("Refused form of task {} for community {}: fields {}", context.taskKey(), context.communityCode(),
					errors.stream().map(FormSchema.FieldError::field).toList());
			throw new InvalidFormException(errors);
		}
		TaskFormHandler handler = this.handlers.get(userTask.getId());
		Map<String, Object> decisions;
		try {
			decisions = (handler != null) ? handler.submitted(context, new FormValues(submitted)) : Map.of();
		}
		catch (InvalidFormException ex) {
			// a business rule the form cannot express refused it (a used code, a late
			// day)
			log.warn("Refused form of task {} for community {}: fields {}", context.taskKey(), context.communityCode(),
					ex.errors().stream().map(FormSchema.FieldError::field).toList());
			throw ex;
		}
		for (String key : schema.get().prefilledKeys()) {
			if (!decisions.containsKey(key)) {
				execution.removeVariableLocal(key);
				execution.removeVariable(key);
			}
		}
		decisions.forEach(execution::setVariable);
		log.info("Task {} of community {} completed by {}", context.taskKey(), context.communityCode(),
				context.userId());
	}

	private Optional<FormSchema> schemaOf(UserTask userTask) {
		if (userTask == null || userTask.getCamundaFormRef() == null) {
			return Optional.empty();
		}
		return this.forms.find(userTask.getCamundaFormRef());
	}

	private static TaskContext context(DelegateExecution execution, String assignee) {
		Authentication authentication = execution.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		String userId = (authentication != null) ? authentication.getUserId() : assignee;
		String processKey = execution.getProcessDefinitionId().split(":")[0];
		return new TaskContext(execution.getProcessBusinessKey(), processKey, execution.getCurrentActivityId(),
				(userId != null) ? userId : "system", assignee, new VariablesView(execution));
	}

	/**
	 * The variables the execution sees, read when a handler asks for one: handlers read
	 * an id or two, and copying them all would deserialize every JSON value of the
	 * process on each task. Read-only; valid while the handler runs (in the command).
	 */
	private static final class VariablesView extends AbstractMap<String, Object> {

		private final DelegateExecution execution;

		VariablesView(DelegateExecution execution) {
			this.execution = execution;
		}

		@Override
		public Object get(Object name) {
			return (name instanceof String key) ? this.execution.getVariable(key) : null;
		}

		@Override
		public boolean containsKey(Object name) {
			return (name instanceof String key) && this.execution.hasVariable(key);
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			return Collections.unmodifiableMap(this.execution.getVariables()).entrySet();
		}

	}

}
