package org.learningcommunities.lifecycle.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.learningcommunities.lifecycle.identity.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The open tasks a person may see, read from {@code lc_open_task} (progress, V2, V13,
 * V15) joined with their community, in one query: no engine call per task. A person sees
 * the tasks they hold and the tasks offered to them, as the engine grants them
 * (docs/adr/0017): a leaders' task to the leader of its community, a partners' task to
 * nobody but its assignee (0010), any other group's task to the group's members.
 */
@Repository
class InboxRepository {

	/** The most tasks one inbox lists (a project manager's at 1,000 communities). */
	static final int MOST = 300;

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person's tasks, those due first first.
	 * @param community only this community's, or all when {@code null}
	 * @param dueBefore only those due before it (overdue), or all when {@code null}
	 */
	List<InboxTask> tasks(Worker worker, String community, Instant dueBefore) {
		Map<String, Object> params = new HashMap<>();
		String offered = offered(worker, params);
		StringBuilder sql = new StringBuilder(select(offered)).append(" where (t.task_id in (")
			.append(heldOrLedIds())
			.append(")");
		// a task of another group of theirs (project managers' gates and escalations):
		// found by its groups, which no index serves
		for (int i = 0; i < worker.offeringGroups().size(); i++) {
			sql.append(" or (',' || t.candidate_groups || ',') like :group").append(i);
		}
		sql.append(")");
		if (community != null) {
			sql.append(" and t.community_code = :community");
			params.put("community", community);
		}
		if (dueBefore != null) {
			sql.append(" and t.due_at < :dueBefore");
			params.put("dueBefore", Timestamp.from(dueBefore));
		}
		sql.append(" order by case when t.due_at is null then 1 else 0 end, t.due_at, t.created_at, t.task_id")
			.append(" fetch first " + MOST + " rows only");
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	/**
	 * The ids of the tasks held by the person (the assignee index) or offered to them as
	 * their community's leader (the leader and community indexes): a leader's or a
	 * partner's whole inbox, without reading the other communities' tasks.
	 */
	private static String heldOrLedIds() {
		return "select h.task_id from lc_open_task h where h.assignee = :user"
				+ " union select l.task_id from lc_community lc join lc_open_task l on l.community_code = lc.code"
				+ " where lc.leader_id = :user and (',' || l.candidate_groups || ',') like :leaders";
	}

	/** One task, if the person may see it. */
	Optional<InboxTask> task(Worker worker, String taskId) {
		Map<String, Object> params = new HashMap<>();
		String offered = offered(worker, params);
		params.put("task", taskId);
		return this.jdbc.sql(select(offered) + " where t.task_id = :task and (t.assignee = :user or " + offered + ")")
			.params(params)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * The condition "offered to the person" on {@code lc_open_task t} joined with
	 * {@code lc_community c}, its parameters added to {@code params}.
	 */
	private static String offered(Worker worker, Map<String, Object> params) {
		params.put("user", worker.userId());
		params.put("leaders", "%," + Groups.COMMUNITY_LEADERS + ",%");
		StringBuilder offered = new StringBuilder("((',' || t.candidate_groups || ',') like :leaders")
			.append(" and c.leader_id = :user)");
		List<String> groups = worker.offeringGroups();
		for (int i = 0; i < groups.size(); i++) {
			offered.append(" or (',' || t.candidate_groups || ',') like :group").append(i);
			params.put("group" + i, "%," + groups.get(i) + ",%");
		}
		return "(" + offered + ")";
	}

	private static String select(String offered) {
		return "select t.task_id, t.community_code, c.name as community_name, t.task_key, t.task_name, t.subject,"
				+ " t.assignee, t.due_at, t.created_at, case when " + offered + " then 1 else 0 end as offered"
				+ " from lc_open_task t join lc_community c on c.code = t.community_code";
	}

	private static InboxTask map(ResultSet rs) throws SQLException {
		String subject = rs.getString("subject");
		return new InboxTask(rs.getString("task_id"), rs.getString("community_code"), rs.getString("community_name"),
				rs.getString("task_key"), rs.getString("task_name"),
				(subject != null && !subject.isBlank()) ? subject : null, rs.getString("assignee"),
				instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("created_at")), rs.getInt("offered") == 1);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
