package org.learningcommunities.lifecycle.recruitment;

import java.util.List;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

/**
 * An application (or a withdrawal) with invalid fields; nothing is stored.
 */
public class InvalidApplicationException extends RuntimeException {

	private final transient List<FieldError> errors;

	InvalidApplicationException(List<FieldError> errors) {
		super(errors.stream()
			.map((error) -> "field '" + error.field() + "' " + error.message())
			.collect(Collectors.joining("; ", "Invalid fields: ", "")));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
