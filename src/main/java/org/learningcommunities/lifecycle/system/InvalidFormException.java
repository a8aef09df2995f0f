package org.learningcommunities.lifecycle.system;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

/**
 * A form submitted with invalid fields. It extends the engine's
 * {@link FormFieldValidationException} because that is the exception the engine REST API
 * answers with 400 on {@code submit-form} (any other engine exception becomes a 500); the
 * transaction rolls back, so nothing is stored and the task stays open
 * (docs/adr/0003-server-side-form-validation.md).
 */
public class InvalidFormException extends FormFieldValidationException {

	private final transient List<FieldError> errors;

	public InvalidFormException(List<FieldError> errors) {
		super(List.copyOf(errors),
				errors.stream()
					.map((error) -> "field '" + error.field() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid form: ", "")));
		this.errors = List.copyOf(errors);
	}

	public static InvalidFormException of(String field, String message) {
		return new InvalidFormException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
