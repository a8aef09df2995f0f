package org.learningcommunities.lifecycle.progress;

import java.util.Optional;
import java.util.function.Function;

/**
 * What or whom the tasks of one process are about, as the capability that owns the
 * process knows it from its own tables: the candidate of a {@code candidate-admission},
 * the meeting of a {@code community-meeting}. The inbox shows it after the task's name
 * ("מיון מועמד/ת: דנה לוי"), so that a person's twenty screening tasks are not twenty
 * identical lines. Asked once, when a task is created, in the engine's transaction
 * ({@link OpenTaskEventListener}), and kept in {@code lc_open_task.subject}: the inbox
 * reads one table (docs/workspace.md tells how to add one).
 */
public interface TaskSubject {

	/** The key of the process whose tasks this names. */
	String processKey();

	/**
	 * The subject of a task of the process.
	 * @param variable reads a variable of the task's process instance (the ids the
	 * process keeps, such as {@code candidateId}); {@code null} when it has none
	 * @return the subject, written {@code "עברית / English"} when the words differ by
	 * language (a name or a topic is the same in both); empty when this task has none
	 */
	Optional<String> of(Function<String, Object> variable);

	/**
	 * The id a process keeps in a variable, when it is one: a row's id, never anything a
	 * query should be given otherwise.
	 */
	static Optional<Long> id(Function<String, Object> variable, String name) {
		Object id = variable.apply(name);
		return (id != null && id.toString().matches("\\d{1,18}")) ? Optional.of(Long.parseLong(id.toString()))
				: Optional.empty();
	}

}
