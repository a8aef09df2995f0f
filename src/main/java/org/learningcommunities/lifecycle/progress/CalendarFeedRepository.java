package org.learningcommunities.lifecycle.progress;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.identity.CommunityVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a calendar feed holds: meetings and open tasks with a due date, of one community
 * or of every community a user sees; one query each.
 */
@Repository
class CalendarFeedRepository {

	private final JdbcClient jdbc;

	CalendarFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FeedMeeting> meetings(String communityCode, Viewer viewer, LocalDate from) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", Date.valueOf(from));
		String where = scope(communityCode, viewer, params);
		return this.jdbc.sql("""
				select m.id, m.seq, m.meeting_date, m.topic, m.host, m.is_online, m.status, c.code, c.name
				from lc_meeting m join lc_community c on c.id = m.community_id
				where m.meeting_date >= :from""" + where + " order by m.meeting_date, c.code, m.seq")
			.params(params)
			.query((rs, n) -> new FeedMeeting(rs.getLong("id"), rs.getInt("seq"),
					rs.getDate("meeting_date").toLocalDate(), rs.getString("topic"), rs.getString("host"),
					rs.getBoolean("is_online"), rs.getString("status"), rs.getString("code"), rs.getString("name")))
			.list();
	}

	List<FeedTask> tasks(String communityCode, Viewer viewer) {
		Map<String, Object> params = new HashMap<>();
		String where = scope(communityCode, viewer, params);
		return this.jdbc.sql("""
				select t.task_id, t.task_name, t.assignee, t.candidate_groups, t.due_at, c.code, c.name
				from lc_open_task t join lc_community c on c.code = t.community_code
				where t.due_at is not null""" + where + " order by t.due_at, t.task_id")
			.params(params)
			.query((rs, n) -> {
				String groups = rs.getString("candidate_groups");
				return new FeedTask(rs.getString("task_id"), rs.getString("task_name"), rs.getString("assignee"),
						(groups != null) ? List.of(groups.split(",")) : List.of(),
						rs.getTimestamp("due_at").toInstant(), rs.getString("code"), rs.getString("name"));
			})
			.list();
	}

	/** One community, or the communities the viewer sees. */
	private static String scope(String communityCode, Viewer viewer, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (communityCode != null) {
			where.append(" and c.code = :code");
			params.put("code", communityCode);
		}
		if (!viewer.seesAll()) {
			where.append(" and ").append(CommunityVisibility.sqlIsOneOfItsPeople("c", "user"));
			params.put("user", viewer.userId());
		}
		return where.toString();
	}

	/** A meeting in a feed. */
	record FeedMeeting(long id, int seq, LocalDate day, String topic, String host, boolean online, String status,
			String communityCode, String communityName) {
	}

	/** An open task with a due date in a feed. */
	record FeedTask(String taskId, String name, String assignee, List<String> candidateGroups, Instant due,
			String communityCode, String communityName) {

		/**
		 * Whether the task is the viewer's: assigned to them, or offered to one of their
		 * groups.
		 */
		boolean ownedBy(Viewer viewer) {
			return (this.assignee != null) ? this.assignee.equals(viewer.userId())
					: this.candidateGroups.stream().anyMatch(viewer.groups()::contains);
		}

	}

}
