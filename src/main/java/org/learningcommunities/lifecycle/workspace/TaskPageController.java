package org.learningcommunities.lifecycle.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.learningcommunities.lifecycle.system.FormSchema;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormSchemas;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * A task's page, {@code GET /tasks/{id}}: what and whom it is about, its community, due
 * date and holder, and its Camunda Form rendered by form-js in the reader's language
 * ({@link LocalisedForm}). The page posts the form to {@code POST /tasks/{id}/form}
 * (JSON), which completes the task as the person ({@link WorkspaceService#submit}) and
 * answers either the next step or each refused field with a sentence in the reader's
 * language ({@link FieldMessages}).
 */
@Controller
class TaskPageController {

	private static final Logger log = LoggerFactory.getLogger(TaskPageController.class);

	static final String TASK_VIEW = "workspace/task";

	static final String NOT_FOUND_VIEW = "workspace/not-found";

	/** Tasklist, showing one task: {@code #/?task=<id>} is added. */
	static final String TASKLIST = "/camunda/app/tasklist/default/";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WorkspaceService workspace;

	private final FormSchemas forms;

	private final FieldMessages fieldMessages;

	private final MessageSource messages;

	private final People people;

	TaskPageController(WorkspaceService workspace, FormSchemas forms, FieldMessages fieldMessages,
			MessageSource messages, People people) {
		this.workspace = workspace;
		this.forms = forms;
		this.fieldMessages = fieldMessages;
		this.messages = messages;
		this.people = people;
	}

	@GetMapping("/tasks/{id}")
	ModelAndView task(@PathVariable String id, Authentication authentication, Locale locale) {
		Worker worker = Worker.of(authentication);
		Optional<InboxTask> found = this.workspace.task(worker, id);
		if (found.isEmpty()) {
			return new ModelAndView(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND);
		}
		InboxTask task = found.get();
		ModelAndView page = new ModelAndView(TASK_VIEW);
		page.addObject("worker", worker);
		page.addObject("task", task);
		page.addObject("taskTitle", Inbox.title(task, locale));
		page.addObject("communityName", BilingualNames.in(task.communityName(), locale));
		page.addObject("holder", (task.assignee() != null)
				? this.people.fullNames(List.of(task.assignee())).get(task.assignee()) : null);
		page.addObject("mine", task.heldBy(worker.userId()));
		page.addObject("mayAct", task.heldBy(worker.userId()) || (task.assignee() == null && task.offeredToMe()));
		page.addObject("tasklist", TASKLIST + "#/?task=" + task.taskId());
		Optional<JsonNode> form = this.forms.json(task.taskKey());
		if (form.isPresent()) {
			JsonNode localised = LocalisedForm.of(form.get(), locale.getLanguage(),
					this.messages.getMessage("workspace.form.requiredMark", null, locale));
			page.addObject("schemaJson", scriptJson(localised));
			Map<String, Object> data = new LinkedHashMap<>(this.workspace.formData(worker, task));
			this.forms.find(task.taskKey())
				.ifPresent((schema) -> schema.fields()
					.stream()
					.filter(FormSchema.Field::readonly)
					.forEach((field) -> data.computeIfPresent(field.key(),
							(key, value) -> LocalisedForm.value(value, locale.getLanguage()))));
			page.addObject("dataJson", scriptJson(data));
		}
		return page;
	}

	@PostMapping("/tasks/{id}/form")
	@ResponseBody
	ResponseEntity<Map<String, Object>> submit(@PathVariable String id, @RequestBody Map<String, Object> values,
			Authentication authentication, Locale locale) {
		Worker worker = Worker.of(authentication);
		Optional<InboxTask> task = this.workspace.task(worker, id);
		try {
			this.workspace.submit(worker, id, values);
		}
		catch (InvalidFormException ex) {
			String taskKey = task.map(InboxTask::taskKey).orElse("");
			List<Map<String, String>> errors = new ArrayList<>();
			for (FieldError error : ex.errors()) {
				errors.add(Map.of("field", error.field(), "message", this.fieldMessages.of(taskKey, error, locale)));
			}
			return ResponseEntity.badRequest()
				.body(Map.of("message", message("workspace.form.invalid", locale), "errors", errors));
		}
		catch (WorkspaceService.Refusal ex) {
			log.info("Workspace refused submission of task {} by {}: {}", id, worker.userId(), ex.kind());
			return ResponseEntity.status(status(ex.kind()))
				.body(Map.of("message", message(refusalMessage(ex.kind()), locale)));
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("message", message("workspace.form.done", locale));
		answer.put("inbox", "/");
		task.flatMap((done) -> this.workspace.next(worker, done.communityCode(), id))
			.ifPresent((next) -> answer.put("next",
					Map.of("url", "/tasks/" + next.taskId(), "title", Inbox.title(next, locale))));
		return ResponseEntity.ok(answer);
	}

	/** The message key that tells the person why the workspace refused. */
	static String refusalMessage(WorkspaceService.Refusal.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> "workspace.refused.notFound";
			case NOT_YOURS -> "workspace.refused.notYours";
			case HELD_BY_SOMEONE_ELSE -> "workspace.refused.held";
			case CONCURRENT_CHANGE -> "workspace.refused.concurrent";
			case NO_FORM -> "workspace.refused.noForm";
		};
	}

	private static HttpStatus status(WorkspaceService.Refusal.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_YOURS -> HttpStatus.FORBIDDEN;
			case HELD_BY_SOMEONE_ELSE, CONCURRENT_CHANGE, NO_FORM -> HttpStatus.CONFLICT;
		};
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/**
	 * JSON to place inside a {@code <script type="application/json">}: a {@code <} in a
	 * value must not close the element.
	 */
	private static String scriptJson(Object value) {
		try {
			return JSON.writeValueAsString(value).replace("<", "\\u003c");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the form as JSON", ex);
		}
	}

}
