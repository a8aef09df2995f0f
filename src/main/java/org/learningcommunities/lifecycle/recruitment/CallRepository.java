package org.learningcommunities.lifecycle.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.learningcommunities.lifecycle.recruitment.CallForApplications.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rounds of each community's call for applications ({@code lc_call}, V3).
 */
@Repository
class CallRepository {

	private final JdbcClient jdbc;

	CallRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int nextRound(long communityId) {
		return this.jdbc.sql("select coalesce(max(round), 0) + 1 from lc_call where community_id = ?")
			.param(communityId)
			.query(Integer.class)
			.single();
	}

	void insertDraft(long communityId, int round, String callText, String audience, LocalDate deadline,
			String draftedBy) {
		this.jdbc.sql("""
				insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, round, callText, audience, deadline, Status.DRAFT.name(), draftedBy)
			.update();
	}

	/** The community's newest round, whatever its status. */
	Optional<CallForApplications> latest(long communityId) {
		return this.jdbc.sql("select * from lc_call where community_id = ? order by round desc")
			.param(communityId)
			.query(this::map)
			.list()
			.stream()
			.findFirst();
	}

	/** The community's newest round in the given status. */
	Optional<CallForApplications> latest(long communityId, Status status) {
		return this.jdbc.sql("select * from lc_call where community_id = ? and status = ? order by round desc")
			.params(communityId, status.name())
			.query(this::map)
			.list()
			.stream()
			.findFirst();
	}

	void open(long callId, Instant at) {
		this.jdbc.sql("update lc_call set status = ?, opened_at = ? where id = ?")
			.params(Status.OPEN.name(), Timestamp.from(at), callId)
			.update();
	}

	void close(long callId, Instant at) {
		this.jdbc.sql("update lc_call set status = ?, closed_at = ? where id = ?")
			.params(Status.CLOSED.name(), Timestamp.from(at), callId)
			.update();
	}

	/** The applications this round of the call received. */
	int countApplications(long callId) {
		return this.jdbc.sql("select count(*) from lc_candidate where call_id = ?")
			.param(callId)
			.query(Integer.class)
			.single();
	}

	private CallForApplications map(ResultSet rs, int row) throws SQLException {
		return new CallForApplications(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("round"),
				rs.getString("call_text"), rs.getString("audience"), rs.getDate("deadline").toLocalDate(),
				Status.valueOf(rs.getString("status")), rs.getString("drafted_by"), instant(rs, "opened_at"),
				instant(rs, "closed_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
