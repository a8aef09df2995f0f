package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.system.ApiProblems;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/tasks/{id}/due-date} with {@code {"due": "2027-03-01", "reason":
 * "..."}}: a project manager (or an administrator) moves a task's due date, giving the
 * reason, which history keeps ({@link TaskDueDateService}). Anyone else is answered 403;
 * the engine's own task update is closed to them (docs/adr/0021). A date alone means the
 * end of that day.
 */
@RestController
class TaskDueDateApiController {

	private final TaskDueDateService dueDates;

	private final CommunityAccess access;

	private final MessageSource messages;

	TaskDueDateApiController(TaskDueDateService dueDates, CommunityAccess access, MessageSource messages) {
		this.dueDates = dueDates;
		this.access = access;
		this.messages = messages;
	}

	record DueDateChange(String due, String reason) {
	}

	@PutMapping("/api/tasks/{taskId}/due-date")
	ResponseEntity<?> move(@PathVariable String taskId, @RequestBody DueDateChange change, Locale locale) {
		if (!this.access.seesAll()) {
			return ApiProblems.problem(HttpStatus.FORBIDDEN,
					this.messages.getMessage("engine-api.refused", null, locale));
		}
		List<FieldError> errors = new ArrayList<>();
		Instant due = parse(change.due());
		if (due == null) {
			errors.add(new FieldError("due", this.messages.getMessage("task-due.due.invalid", null, locale)));
		}
		if (change.reason() == null || change.reason().isBlank()) {
			errors.add(new FieldError("reason", this.messages.getMessage("task-due.reason.required", null, locale)));
		}
		if (!errors.isEmpty()) {
			return ApiProblems.invalid(errors.stream()
				.map((error) -> error.field() + ": " + error.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse(""), errors);
		}
		if (this.dueDates.move(taskId, due, change.reason().strip()).isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No open task " + taskId));
		}
		return ResponseEntity.noContent().build();
	}

	private static Instant parse(String due) {
		if (due == null || due.isBlank()) {
			return null;
		}
		try {
			if (due.length() == 10) {
				return LocalDate.parse(due).atTime(LocalTime.of(23, 59, 59)).atZone(ZoneId.systemDefault()).toInstant();
			}
			return OffsetDateTime.parse(due).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
