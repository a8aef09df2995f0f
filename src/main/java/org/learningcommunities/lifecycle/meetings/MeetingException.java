package org.learningcommunities.lifecycle.meetings;

import java.util.List;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

/**
 * A meeting request refused: invalid fields, an unknown community or meeting, or a
 * meeting already held or cancelled. Nothing is stored.
 */
public class MeetingException extends RuntimeException {

	private final Kind kind;

	private final transient List<FieldError> errors;

	private MeetingException(Kind kind, String message, List<FieldError> errors) {
		super(message);
		this.kind = kind;
		this.errors = List.copyOf(errors);
	}

	static MeetingException invalid(List<FieldError> errors) {
		return new MeetingException(Kind.INVALID,
				errors.stream()
					.map((error) -> "field '" + error.field() + "' " + error.message())
					.collect(Collectors.joining("; ", "Invalid fields: ", "")),
				errors);
	}

	static MeetingException notFound(String message) {
		return new MeetingException(Kind.NOT_FOUND, message, List.of());
	}

	static MeetingException conflict(String message) {
		return new MeetingException(Kind.CONFLICT, message, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** Why a request was refused. */
	public enum Kind {

		/** Fields missing or malformed, or a day in the past. */
		INVALID,
		/** An unknown community, or a meeting not of that community. */
		NOT_FOUND,
		/** The meeting was held or cancelled already, or its day has come. */
		CONFLICT

	}

}
