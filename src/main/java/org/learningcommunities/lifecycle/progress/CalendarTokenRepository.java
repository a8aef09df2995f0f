package org.learningcommunities.lifecycle.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The calendar feeds' tokens (lc_calendar_token, V13), kept by their SHA-256 only.
 */
@Repository
class CalendarTokenRepository {

	private final JdbcClient jdbc;

	CalendarTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String tokenHash, String userId, String communityCode, Instant createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lc_calendar_token (token_hash, user_id, community_code, created_at) values (?, ?, ?, ?)""")
			.params(tokenHash, userId, communityCode, Timestamp.from(createdAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Token> findByHash(String tokenHash) {
		return this.jdbc.sql("select * from lc_calendar_token where token_hash = ?")
			.param(tokenHash)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** A user's tokens, newest first. */
	List<Token> findByUser(String userId) {
		return this.jdbc.sql("select * from lc_calendar_token where user_id = ? order by created_at desc, id desc")
			.param(userId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Revokes one of the user's tokens; false when they have no such live token. */
	boolean revoke(long id, String userId, Instant at) {
		return this.jdbc
			.sql("update lc_calendar_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(Timestamp.from(at), id, userId)
			.update() == 1;
	}

	private static Token map(ResultSet rs) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Token(rs.getLong("id"), rs.getString("user_id"), rs.getString("community_code"),
				rs.getTimestamp("created_at").toInstant(), (revoked != null) ? revoked.toInstant() : null);
	}

	/**
	 * A feed's token.
	 *
	 * @param communityCode the community of the feed, or {@code null} for the user's feed
	 * over all their communities
	 */
	public record Token(long id, String userId, String communityCode, Instant createdAt, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

}
