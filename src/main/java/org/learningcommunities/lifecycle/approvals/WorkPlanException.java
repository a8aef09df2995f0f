package org.learningcommunities.lifecycle.approvals;

import java.util.List;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.RequestRefusedException;

/**
 * A request of the work-plans API refused: fields missing or too long, or no plan for
 * that year, or no such version (not found). Nothing is stored.
 */
public class WorkPlanException extends RequestRefusedException {

	private WorkPlanException(List<FieldError> errors) {
		super(errors);
	}

	private WorkPlanException(Reason reason, String message) {
		super(reason, message);
	}

	static WorkPlanException invalid(List<FieldError> errors) {
		return new WorkPlanException(errors);
	}

	static WorkPlanException notFound(String message) {
		return new WorkPlanException(Reason.NOT_FOUND, message);
	}

}
