package org.learningcommunities.lifecycle.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.learningcommunities.lifecycle.system.FormSchema;
import org.learningcommunities.lifecycle.system.FormSchemas;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a person does in the workspace, done through the engine as that person: the
 * engine's authorizations apply to every call (a leader claims only their community's
 * tasks), and a form goes through the same validation and handler as from Tasklist
 * ({@code system.TaskFormListener}, docs/adr/0003). Each call first checks that the
 * person sees the task at all ({@link InboxRepository}), so a task of another community
 * answers as if it did not exist.
 */
@Service
class WorkspaceService {

	private static final Logger log = LoggerFactory.getLogger(WorkspaceService.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final InboxRepository inbox;

	private final IdentityService identity;

	private final TaskService tasks;

	private final FormService forms;

	private final FormSchemas schemas;

	private final TransactionTemplate transaction;

	WorkspaceService(InboxRepository inbox, IdentityService identity, TaskService tasks, FormService forms,
			FormSchemas schemas, TransactionTemplate transaction) {
		this.inbox = inbox;
		this.identity = identity;
		this.tasks = tasks;
		this.forms = forms;
		this.schemas = schemas;
		this.transaction = transaction;
	}

	/** The task, if the person sees it. */
	Optional<InboxTask> task(Worker worker, String taskId) {
		return this.inbox.task(worker, taskId);
	}

	/** Takes a task offered to the person. */
	void claim(Worker worker, String taskId) {
		InboxTask task = visible(worker, taskId);
		if (!task.offeredToMe()) {
			throw new Refusal(Refusal.Kind.NOT_YOURS);
		}
		if (task.assignee() != null && !task.heldBy(worker.userId())) {
			throw new Refusal(Refusal.Kind.HELD_BY_SOMEONE_ELSE);
		}
		asWorker(worker, () -> {
			this.tasks.claim(taskId, worker.userId());
			return null;
		});
		log.info("Task {} of community {} taken by {}", task.taskKey(), task.communityCode(), worker.userId());
	}

	/**
	 * Gives a task the person holds back to those it is offered to; a task offered to
	 * nobody else (a partner's approval) stays with its holder.
	 */
	void release(Worker worker, String taskId) {
		InboxTask task = visible(worker, taskId);
		if (!task.heldBy(worker.userId()) || !task.offeredToMe()) {
			throw new Refusal(Refusal.Kind.NOT_YOURS);
		}
		asWorker(worker, () -> {
			this.tasks.setAssignee(taskId, null);
			return null;
		});
		log.info("Task {} of community {} released by {}", task.taskKey(), task.communityCode(), worker.userId());
	}

	/**
	 * The values the task's form opens with (the handler's prefill: stored data to
	 * revise, read-only context, the options that are data), as plain JSON values.
	 */
	Map<String, Object> formData(Worker worker, InboxTask task) {
		Optional<FormSchema> schema = this.schemas.find(task.taskKey());
		if (schema.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> variables = asWorker(worker,
				() -> this.tasks.getVariables(task.taskId(), schema.get().prefilledKeys()));
		Map<String, Object> data = new LinkedHashMap<>();
		variables.forEach((name, value) -> data.put(name, plain(value)));
		return data;
	}

	/**
	 * Completes the task with the form's values, as the person: taken first when it is
	 * offered to them and nobody holds it, in the same transaction, so that a refused
	 * form changes nothing at all.
	 * @throws InvalidFormException when the form's rules or its handler refuse a field
	 */
	void submit(Worker worker, String taskId, Map<String, Object> submitted) {
		InboxTask task = visible(worker, taskId);
		if (task.assignee() != null && !task.heldBy(worker.userId())) {
			throw new Refusal(Refusal.Kind.HELD_BY_SOMEONE_ELSE);
		}
		if (task.assignee() == null && !task.offeredToMe()) {
			throw new Refusal(Refusal.Kind.NOT_YOURS);
		}
		FormSchema schema = this.schemas.find(task.taskKey()).orElseThrow(() -> new Refusal(Refusal.Kind.NO_FORM));
		VariableMap values = Variables.createVariables();
		// only what the person fills in: read-only context is not theirs to change
		for (String key : schema.inputKeys()) {
			if (submitted.containsKey(key)) {
				values.put(key, typed(submitted.get(key)));
			}
		}
		asWorker(worker, () -> this.transaction.execute((status) -> {
			if (task.assignee() == null) {
				this.tasks.claim(taskId, worker.userId());
			}
			this.forms.submitTaskForm(taskId, values);
			return null;
		}));
	}

	/**
	 * The next task of the person in the same community, after one is done: one they
	 * hold, else one offered to them, the earliest due first.
	 */
	Optional<InboxTask> next(Worker worker, String communityCode, String doneTaskId) {
		List<InboxTask> candidates = new ArrayList<>(this.inbox.tasks(worker, communityCode, null));
		candidates.removeIf((task) -> task.taskId().equals(doneTaskId)
				|| (task.assignee() != null && !task.heldBy(worker.userId())));
		return candidates.stream()
			.filter((task) -> task.heldBy(worker.userId()))
			.findFirst()
			.or(() -> candidates.stream().findFirst());
	}

	private InboxTask visible(Worker worker, String taskId) {
		return this.inbox.task(worker, taskId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND));
	}

	/**
	 * Runs engine calls as the person, with their groups, so that the engine checks their
	 * authorizations; engine refusals become {@link Refusal}s.
	 */
	private <T> T asWorker(Worker worker, Supplier<T> call) {
		this.identity.setAuthentication(worker.userId(), new ArrayList<>(worker.groups()));
		try {
			return call.get();
		}
		catch (AuthorizationException ex) {
			log.warn("Engine refused user {}: {}", worker.userId(), ex.getMessage());
			throw new Refusal(Refusal.Kind.NOT_YOURS);
		}
		catch (TaskAlreadyClaimedException ex) {
			throw new Refusal(Refusal.Kind.HELD_BY_SOMEONE_ELSE);
		}
		catch (OptimisticLockingException ex) {
			throw new Refusal(Refusal.Kind.CONCURRENT_CHANGE);
		}
		catch (NullValueException ex) {
			// the task ended meanwhile (completed by someone else, or by the process)
			throw new Refusal(Refusal.Kind.NOT_FOUND);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** A submitted value as Tasklist would send it: lists as JSON, the rest as it is. */
	private static Object typed(Object value) {
		if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
			try {
				return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException("Cannot write a submitted value as JSON", ex);
			}
		}
		return value;
	}

	/** A variable's value as form-js reads it. */
	private static Object plain(Object value) {
		if (value instanceof SpinJsonNode node) {
			try {
				return JSON.readTree(node.toString());
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("A JSON variable that is not JSON", ex);
			}
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		return value;
	}

	/** Why the workspace refuses a person's request; the page says it in their words. */
	static final class Refusal extends RuntimeException {

		enum Kind {

			/** no such task, or not one the person sees: answered as the same */
			NOT_FOUND,
			/** the person sees it but may not take, release or complete it */
			NOT_YOURS, HELD_BY_SOMEONE_ELSE, CONCURRENT_CHANGE, NO_FORM

		}

		private final Kind kind;

		Refusal(Kind kind) {
			super(kind.name());
			this.kind = kind;
		}

		Kind kind() {
			return this.kind;
		}

	}

}
