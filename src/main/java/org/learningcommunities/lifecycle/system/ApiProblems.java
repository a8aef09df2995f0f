package org.learningcommunities.lifecycle.system;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.learningcommunities.lifecycle.system.InputRules.Refusal;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The answers of our JSON API when it refuses a request: RFC 7807 problem details, with
 * {@code errors: [{field, message}]} naming each invalid field.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	public static ResponseEntity<ProblemDetail> invalid(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid fields");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** A body that is not JSON, or a field of the wrong type, named by its path. */
	public static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			String field = unknown.getPropertyName();
			return invalid("Invalid fields: field '" + field + "' is not a known field",
					List.of(new FieldError(field, "is not a known field")));
		}
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			String message = wrongValue(mapping, field);
			return invalid("Invalid fields: field '" + field + "' " + message, List.of(new FieldError(field, message)));
		}
		return invalid("The body is not a JSON object", List.of(new FieldError("body", "must be a JSON object")));
	}

	/**
	 * What is wrong with a field's value, in the user's language where {@link InputRules}
	 * say it.
	 */
	private static String wrongValue(JsonMappingException mapping, String field) {
		if (mapping instanceof JsonInput.RefusedValueException refused) {
			return (refused.refusal() == Refusal.DATE_OUT_OF_RANGE) ? InputRules.dateOutOfRange(field)
					: refused.refusal().message(field);
		}
		if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			Class<?> type = mismatch.getTargetType();
			if (type == Integer.class || type == int.class || type == Long.class || type == long.class
					|| type == Short.class || type == short.class) {
				return Refusal.NOT_WHOLE_NUMBER.message(field);
			}
			if (type == String.class) {
				return Refusal.NOT_TEXT.message(field);
			}
		}
		return "has a value of the wrong type";
	}

}
