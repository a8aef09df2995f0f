package org.learningcommunities.lifecycle.system;

import java.util.Map;

/**
 * The application side of one user task's form: what the form shows when the task opens,
 * and where a valid submission is stored. Form data goes to our tables; only the
 * decisions a gateway needs go back to the process.
 */
public interface TaskFormHandler {

	/** The task definition key (and form id) this handler serves. */
	String taskKey();

	/**
	 * Values the form opens with: stored data to revise, and read-only context.
	 */
	default Map<String, Object> prefill(TaskContext task) {
		return Map.of();
	}

	/**
	 * Stores a submission that passed the form's own rules; may refuse it with an
	 * {@link InvalidFormException}.
	 * @return the decision variables to set on the process (read by gateways)
	 */
	Map<String, Object> submitted(TaskContext task, FormValues values);

}
