package org.learningcommunities.lifecycle.system;

import java.util.List;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request of our JSON API refused by a service: fields missing or invalid (400, each
 * named), something it names that does not exist (404), or a conflict with what is stored
 * (409). Nothing of the request is stored. Each capability throws its own subclass
 * ({@code MeetingException}, {@code WorkPlanException}, ...) so its services say in their
 * own words what they refuse; one handler answers them all the same way.
 */
public abstract class RequestRefusedException extends RuntimeException {

	private final Reason reason;

	private final transient List<FieldError> errors;

	protected RequestRefusedException(Reason reason, String message) {
		this(reason, message, List.of());
	}

	/** Invalid fields, each named in the message and in the answer's {@code errors}. */
	protected RequestRefusedException(List<FieldError> errors) {
		this(Reason.INVALID,
				errors.stream()
					.map((error) -> "field '" + error.field() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid fields: ", "")),
				errors);
	}

	private RequestRefusedException(Reason reason, String message, List<FieldError> errors) {
		super(message);
		this.reason = reason;
		this.errors = List.copyOf(errors);
	}

	public Reason reason() {
		return this.reason;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Why a request was refused, and the status that says it. */
	public enum Reason {

		/** Fields missing or malformed: 400 with the fields named. */
		INVALID,
		/** What the request names does not exist, or not in that community: 404. */
		NOT_FOUND,
		/** The request conflicts with the stored state: 409. */
		CONFLICT

	}

	/** The answer to every refusal of our API. */
	@RestControllerAdvice
	static class Answers {

		@ExceptionHandler
		ResponseEntity<ProblemDetail> refused(RequestRefusedException ex) {
			return switch (ex.reason()) {
				case INVALID -> ApiProblems.invalid(ex.getMessage(), ex.errors());
				case NOT_FOUND -> ApiProblems.problem(HttpStatus.NOT_FOUND, ex.getMessage());
				case CONFLICT -> ApiProblems.problem(HttpStatus.CONFLICT, ex.getMessage());
			};
		}

	}

}
