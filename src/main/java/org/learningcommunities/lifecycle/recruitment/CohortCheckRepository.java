package org.learningcommunities.lifecycle.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.learningcommunities.lifecycle.recruitment.CohortCheck.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each round's check of the cohort and the leader's decision on it
 * ({@code lc_cohort_check}, V4). Shortfalls are stored one per line.
 */
@Repository
class CohortCheckRepository {

	private final JdbcClient jdbc;

	CohortCheckRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long communityId, int round, int admittedCount, List<String> shortfalls, Instant at) {
		this.jdbc.sql("""
				insert into lc_cohort_check (community_id, round, admitted_count, shortfalls, checked_at)
				values (?, ?, ?, ?, ?)""")
			.params(communityId, round, admittedCount, shortfalls.isEmpty() ? null : String.join("\n", shortfalls),
					Timestamp.from(at))
			.update();
	}

	/**
	 * The same round checked again (after the target size was lowered): the check's
	 * figures replaced and its decision cleared.
	 */
	void recheck(long checkId, int admittedCount, List<String> shortfalls, Instant at) {
		this.jdbc.sql("""
				update lc_cohort_check set admitted_count = ?, shortfalls = ?, checked_at = ?, decision = null,
				    notes = null, decided_by = null, decided_at = null
				where id = ?""")
			.params(admittedCount, shortfalls.isEmpty() ? null : String.join("\n", shortfalls), Timestamp.from(at),
					checkId)
			.update();
	}

	/** The community's newest check. */
	Optional<CohortCheck> latest(long communityId) {
		return this.jdbc.sql("select * from lc_cohort_check where community_id = ? order by round desc")
			.param(communityId)
			.query(this::map)
			.list()
			.stream()
			.findFirst();
	}

	void decide(long checkId, Decision decision, String notes, String by, Instant at) {
		this.jdbc.sql("update lc_cohort_check set decision = ?, notes = ?, decided_by = ?, decided_at = ? where id = ?")
			.params(decision.name(), notes, by, Timestamp.from(at), checkId)
			.update();
	}

	private CohortCheck map(ResultSet rs, int row) throws SQLException {
		String shortfalls = rs.getString("shortfalls");
		String decision = rs.getString("decision");
		return new CohortCheck(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("round"),
				rs.getInt("admitted_count"), (shortfalls != null) ? Arrays.asList(shortfalls.split("\n")) : List.of(),
				CallRepository.instant(rs, "checked_at"), (decision != null) ? Decision.valueOf(decision) : null,
				rs.getString("notes"), rs.getString("decided_by"), CallRepository.instant(rs, "decided_at"));
	}

}
