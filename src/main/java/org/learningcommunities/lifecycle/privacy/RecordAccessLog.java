package org.learningcommunities.lifecycle.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who read whose record, when ({@code lc_record_access}): ids only, never the record's
 * content. Written in the transaction of the read.
 */
@Repository
public class RecordAccessLog {

	/** The kind of record a candidate or member is. */
	public static final String CANDIDATE = "CANDIDATE";

	private static final String UNKNOWN_READER = "?";

	private final JdbcClient jdbc;

	private final IdentityService identity;

	private final Clock clock;

	RecordAccessLog(JdbcClient jdbc, IdentityService identity, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.clock = clock;
	}

	/** The signed-in user read these candidates' records of the community. */
	public void candidatesRead(Collection<Long> candidateIds, long communityId, String via) {
		String reader = reader();
		Timestamp now = Timestamp.from(this.clock.instant());
		for (long candidateId : candidateIds) {
			this.jdbc.sql("""
					insert into lc_record_access (record_kind, record_id, community_id, read_by, read_at, via)
					values (?, ?, ?, ?, ?, ?)""")
				.params(CANDIDATE, candidateId, communityId, reader, now, via)
				.update();
		}
	}

	/** The latest reads, newest first; of one candidate when given. */
	public List<Access> latest(Long candidateId, int limit) {
		String where = (candidateId != null) ? "where record_kind = 'CANDIDATE' and record_id = :id " : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select record_kind, record_id, community_id, read_by, read_at, via from lc_record_access " + where
					+ "order by read_at desc, id desc limit :limit")
			.param("limit", limit);
		if (candidateId != null) {
			query = query.param("id", candidateId);
		}
		return query
			.query((rs, n) -> new Access(rs.getString("record_kind"), rs.getLong("record_id"),
					rs.getObject("community_id", Long.class), rs.getString("read_by"),
					rs.getTimestamp("read_at").toInstant(), rs.getString("via")))
			.list();
	}

	private String reader() {
		Authentication user = this.identity.getCurrentAuthentication();
		return (user != null && user.getUserId() != null) ? user.getUserId() : UNKNOWN_READER;
	}

	/** One read of a record. */
	public record Access(String recordKind, long recordId, Long communityId, String readBy, Instant readAt,
			String via) {
	}

}
