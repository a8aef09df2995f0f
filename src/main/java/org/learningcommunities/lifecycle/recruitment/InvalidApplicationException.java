package org.learningcommunities.lifecycle.recruitment;

import java.util.List;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.RequestRefusedException;

/**
 * An application (or a withdrawal) with invalid fields, each named; nothing is stored.
 */
public class InvalidApplicationException extends RequestRefusedException {

	InvalidApplicationException(List<FieldError> errors) {
		super(errors);
	}

}
