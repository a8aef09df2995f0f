package org.learningcommunities.lifecycle.reminders;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table lc_follow_up (V10): what the project managers did about overdue tasks.
 */
@Repository
class FollowUpRepository {

	private final JdbcClient jdbc;

	FollowUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String communityCode, String processKey, String overdueTasks, String note, String by, Instant at) {
		this.jdbc
			.sql("""
					insert into lc_follow_up (community_code, process_key, overdue_tasks, note, followed_up_by, followed_up_at)
					values (?, ?, ?, ?, ?, ?)""")
			.params(communityCode, processKey, overdueTasks, note, by, Timestamp.from(at))
			.update();
	}

}
