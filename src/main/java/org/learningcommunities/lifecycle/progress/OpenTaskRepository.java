package org.learningcommunities.lifecycle.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table lc_open_task (V2).
 */
@Repository
class OpenTaskRepository {

	private final JdbcClient jdbc;

	OpenTaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String taskId, String communityCode, String processKey, String taskKey, String name, String assignee,
			Date due, Instant created) {
		this.jdbc.sql("""
				insert into lc_open_task (task_id, community_code, process_key, task_key, task_name, assignee, due_at,
				    created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(taskId, communityCode, processKey, taskKey, name, assignee, timestamp(due), Timestamp.from(created))
			.update();
	}

	void update(String taskId, String assignee, Date due) {
		this.jdbc.sql("update lc_open_task set assignee = ?, due_at = ? where task_id = ?")
			.params(assignee, timestamp(due), taskId)
			.update();
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
			.query((rs, n) -> new OpenTask(rs.getString("task_id"), rs.getString("process_key"),
					rs.getString("task_key"), rs.getString("task_name"), rs.getString("assignee"),
					Optional.ofNullable(rs.getTimestamp("due_at")).map(Timestamp::toInstant).orElse(null),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	private static Timestamp timestamp(Date date) {
		return (date != null) ? new Timestamp(date.getTime()) : null;
	}

	record Counts(int open, int overdue, String currentStep) {

		static final Counts NONE = new Counts(0, 0, null);

	}

}
