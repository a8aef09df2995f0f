package org.learningcommunities.lifecycle.approvals;

import java.util.List;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

/**
 * A request of the work-plans API refused: invalid fields, or an unknown plan or version.
 * Nothing is stored.
 */
public class WorkPlanException extends RuntimeException {

	private final Kind kind;

	private final transient List<FieldError> errors;

	private WorkPlanException(Kind kind, String message, List<FieldError> errors) {
		super(message);
		this.kind = kind;
		this.errors = List.copyOf(errors);
	}

	static WorkPlanException invalid(List<FieldError> errors) {
		return new WorkPlanException(Kind.INVALID,
				errors.stream()
					.map((error) -> "field '" + error.field() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid fields: ", "")),
				errors);
	}

	static WorkPlanException notFound(String message) {
		return new WorkPlanException(Kind.NOT_FOUND, message, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Why a request was refused. */
	public enum Kind {

		/** Fields missing or too long. */
		INVALID,
		/** No plan for that year, or no such version. */
		NOT_FOUND

	}

}
