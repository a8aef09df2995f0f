package org.learningcommunities.lifecycle.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table lc_open_task (V2).
 */
@Repository
class OpenTaskRepository {

	private static final String TABLE = "lc_open_task";

	/** The length of lc_open_task.subject (V15). */
	private static final int SUBJECT_LENGTH = 400;

	private final JdbcClient jdbc;

	OpenTaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NewTask task, Instant created) {
		this.jdbc.sql("""
				insert into lc_open_task (task_id, community_code, process_key, task_key, task_name, assignee,
				    candidate_groups, due_at, created_at, process_instance_id, root_instance_id, subject)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(task.taskId(), task.communityCode(), task.processKey(), task.taskKey(), task.name(),
					task.assignee(), task.candidateGroups().isEmpty() ? null : String.join(",", task.candidateGroups()),
					timestamp(task.due()), Timestamp.from(created), task.processInstanceId(), task.rootInstanceId(),
					subject(task.subject()))
			.update();
		TransactionCache.put(TABLE, task.taskId(), new Written(task.assignee(), timestamp(task.due())));
	}

	/**
	 * Sets the task's assignee and due date, unless the row inserted by this transaction
	 * holds them already: the engine announces the assignee of a task it creates assigned
	 * right after the task itself.
	 */
	void update(String taskId, String assignee, Date due) {
		Written written = new Written(assignee, timestamp(due));
		if (written.equals(TransactionCache.find(TABLE, taskId))) {
			return;
		}
		this.jdbc.sql("update lc_open_task set assignee = ?, due_at = ? where task_id = ?")
			.params(assignee, timestamp(due), taskId)
			.update();
		TransactionCache.put(TABLE, taskId, written);
	}

	/** The tasks mirrored before V13 recorded their process instance. */
	List<String> withoutInstance() {
		return this.jdbc.sql("select task_id from lc_open_task where process_instance_id is null")
			.query(String.class)
			.list();
	}

	void fill(String taskId, List<String> candidateGroups, String processInstanceId, String rootInstanceId) {
		this.jdbc.sql("""
				update lc_open_task set candidate_groups = ?, process_instance_id = ?, root_instance_id = ?
				where task_id = ?""")
			.params(candidateGroups.isEmpty() ? null : String.join(",", candidateGroups), processInstanceId,
					rootInstanceId, taskId)
			.update();
	}

	/**
	 * The tasks mirrored before V15 named their subject, of the processes that name one:
	 * task id and process instance.
	 */
	List<Map.Entry<String, String>> withoutSubject(Collection<String> processKeys) {
		if (processKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(
				"select task_id, process_instance_id from lc_open_task where subject is null and process_key in (:keys)"
						+ " and process_instance_id is not null")
			.param("keys", processKeys)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** Sets a task's subject; blank: it has none, and is not asked again. */
	void nameSubject(String taskId, String subject) {
		this.jdbc.sql("update lc_open_task set subject = ? where task_id = ?")
			.params((subject != null) ? subject(subject) : "", taskId)
			.update();
	}

	/** A subject as the column holds it: at most its length. */
	private static String subject(String subject) {
		return (subject != null && subject.length() > SUBJECT_LENGTH) ? subject.substring(0, SUBJECT_LENGTH) : subject;
	}

	void delete(String taskId) {
		this.jdbc.sql("delete from lc_open_task where task_id = ?").param(taskId).update();
	}

	/**
	 * Open and overdue counts and the current step (the newest open task) of every
	 * community with open tasks, in one query.
	 */
	Map<String, Counts> counts(Instant now) {
		return this.jdbc.sql("""
				select t.community_code, count(*) as open_tasks,
				       sum(case when t.due_at < ? then 1 else 0 end) as overdue_tasks,
				       (select s.task_name from lc_open_task s where s.community_code = t.community_code
				        order by s.created_at desc, s.task_id fetch first 1 rows only) as current_step
				from lc_open_task t group by t.community_code""")
			.param(Timestamp.from(now))
			.query((rs, n) -> Map.entry(rs.getString("community_code"),
					new Counts(rs.getInt("open_tasks"), rs.getInt("overdue_tasks"), rs.getString("current_step"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The community's open tasks, newest first. */
	List<OpenTask> openTasks(String communityCode) {
		return this.jdbc.sql("select * from lc_open_task where community_code = ? order by created_at desc, task_id")
			.param(communityCode)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Maps a row of lc_open_task. */
	static OpenTask map(ResultSet rs) throws SQLException {
		String groups = rs.getString("candidate_groups");
		return new OpenTask(rs.getString("task_id"), rs.getString("process_key"), rs.getString("task_key"),
				rs.getString("task_name"), rs.getString("assignee"),
				(groups != null) ? List.of(groups.split(",")) : List.of(),
				Optional.ofNullable(rs.getTimestamp("due_at")).map(Timestamp::toInstant).orElse(null),
				rs.getTimestamp("created_at").toInstant(), rs.getString("process_instance_id"),
				rs.getString("root_instance_id"));
	}

	private static Timestamp timestamp(Date date) {
		return (date != null) ? new Timestamp(date.getTime()) : null;
	}

	/** A task as the engine creates it. */
	record NewTask(String taskId, String communityCode, String processKey, String taskKey, String name, String assignee,
			List<String> candidateGroups, Date due, String processInstanceId, String rootInstanceId, String subject) {
	}

	/** What this transaction wrote of a task's row. */
	private record Written(String assignee, Timestamp due) {
	}

	record Counts(int open, int overdue, String currentStep) {

		static final Counts NONE = new Counts(0, 0, null);

	}

}
