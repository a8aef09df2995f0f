package org.learningcommunities.lifecycle.meetings;

import java.util.List;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.RequestRefusedException;

/**
 * A meeting request refused: invalid fields (a day before today among them), an unknown
 * community or meeting (not found), or a meeting already held or cancelled, or whose day
 * has come (conflict). Nothing is stored.
 */
public class MeetingException extends RequestRefusedException {

	private MeetingException(List<FieldError> errors) {
		super(errors);
	}

	private MeetingException(Reason reason, String message) {
		super(reason, message);
	}

	static MeetingException invalid(List<FieldError> errors) {
		return new MeetingException(errors);
	}

	static MeetingException notFound(String message) {
		return new MeetingException(Reason.NOT_FOUND, message);
	}

	static MeetingException conflict(String message) {
		return new MeetingException(Reason.CONFLICT, message);
	}

}
