package org.learningcommunities.lifecycle.system;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds a {@link TaskFormHandler} from a service's methods, so a capability declares its
 * forms in one place.
 */
public final class FormHandlers {

	private FormHandlers() {
	}

	public static TaskFormHandler of(String taskKey, Function<TaskContext, Map<String, Object>> prefill,
			BiFunction<TaskContext, FormValues, Map<String, Object>> submitted) {
		return new TaskFormHandler() {

			@Override
			public String taskKey() {
				return taskKey;
			}

			@Override
			public Map<String, Object> prefill(TaskContext task) {
				return prefill.apply(task);
			}

			@Override
			public Map<String, Object> submitted(TaskContext task, FormValues values) {
				return submitted.apply(task, values);
			}

		};
	}

}
