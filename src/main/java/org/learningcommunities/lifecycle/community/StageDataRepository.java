package org.learningcommunities.lifecycle.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the stage steps produce (tables of V1): the establishment steps and the year
 * summaries. Steps revised after a stage gate sent them back are rewritten; goal sets are
 * versioned, since each partner confirms one version.
 */
@Repository
class StageDataRepository {

	private final JdbcClient jdbc;

	StageDataRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Replaces the community's row of a one-row-per-community table.
	 * @param columns column name to value, without community_id, recorded_by and
	 * recorded_at
	 */
	void replace(String table, long communityId, Map<String, Object> columns, String by, Instant at) {
		this.jdbc.sql("delete from " + table + " where community_id = ?").param(communityId).update();
		StringBuilder names = new StringBuilder("community_id, recorded_by, recorded_at");
		StringBuilder marks = new StringBuilder("?, ?, ?");
		columns.keySet().forEach((name) -> {
			names.append(", ").append(name);
			marks.append(", ?");
		});
		JdbcClient.StatementSpec insert = this.jdbc
			.sql("insert into " + table + " (" + names + ") values (" + marks + ")")
			.param(communityId)
			.param(by)
			.param(Timestamp.from(at));
		for (Object value : columns.values()) {
			insert = insert.param(value);
		}
		insert.update();
	}

	Optional<Map<String, Object>> find(String table, long communityId) {
		return this.jdbc.sql("select * from " + table + " where community_id = ?")
			.param(communityId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	int nextGoalVersion(long communityId) {
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from lc_goal_set where community_id = ?")
			.param(communityId)
			.query(Integer.class)
			.single();
	}

	void insertGoalSet(long communityId, int version, String goals, String targets, String by, Instant at) {
		this.jdbc.sql("""
				insert into lc_goal_set (community_id, version, goals, targets, drafted_by, drafted_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(communityId, version, goals, targets, by, Timestamp.from(at))
			.update();
	}

	Optional<GoalSet> latestGoalSet(long communityId) {
		return this.jdbc.sql("select * from lc_goal_set where community_id = ? order by version desc")
			.param(communityId)
			.query((rs, n) -> new GoalSet(rs.getLong("id"), rs.getInt("version"), rs.getString("goals"),
					rs.getString("targets")))
			.list()
			.stream()
			.findFirst();
	}

	void insertConfirmation(long goalSetId, String partnerId, boolean confirmed, String comment, Instant at) {
		this.jdbc.sql("""
				insert into lc_goal_confirmation (goal_set_id, partner_id, confirmed, comment, decided_at)
				values (?, ?, ?, ?, ?)""")
			.params(goalSetId, partnerId, confirmed, comment, Timestamp.from(at))
			.update();
	}

	List<Confirmation> confirmations(long goalSetId) {
		return this.jdbc.sql("select * from lc_goal_confirmation where goal_set_id = ? order by id")
			.param(goalSetId)
			.query((rs, n) -> new Confirmation(rs.getString("partner_id"), rs.getBoolean("confirmed"),
					rs.getString("comment")))
			.list();
	}

	void replaceYearSummary(long communityId, Stage stage, String evaluationResults, String communitySummary,
			String nextYearGoals, String by, Instant at) {
		this.jdbc.sql("delete from lc_year_summary where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.update();
		this.jdbc
			.sql("""
					insert into lc_year_summary (community_id, stage, evaluation_results, community_summary, next_year_goals,
					    recorded_by, recorded_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, stage.name(), evaluationResults, communitySummary, nextYearGoals, by,
					Timestamp.from(at))
			.update();
	}

	Optional<Map<String, Object>> findYearSummary(long communityId, Stage stage) {
		return this.jdbc.sql("select * from lc_year_summary where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	record GoalSet(long id, int version, String goals, String targets) {
	}

	record Confirmation(String partnerId, boolean confirmed, String comment) {
	}

}
