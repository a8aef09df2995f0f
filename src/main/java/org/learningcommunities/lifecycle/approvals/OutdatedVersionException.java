package org.learningcommunities.lifecycle.approvals;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A decision or advice on a version of a work plan that is no longer the one the partners
 * decide on: a conflict. It extends the engine REST API's {@link RestException} because
 * {@code submit-form} answers a {@code RestException} thrown while the task completes
 * with its own status (409) and message, where any other exception of the engine becomes
 * a 500; the transaction rolls back and the task stays open. Our API answers it with 409
 * as well.
 */
public class OutdatedVersionException extends RestException {

	OutdatedVersionException(String message) {
		super(Response.Status.CONFLICT, message);
	}

}
