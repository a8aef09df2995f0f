package org.learningcommunities.lifecycle.identity;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who belongs to a community, as {@code lc_community} records it: its leader and its
 * partners' representatives (the foundation's and the ministry's). The one source of the
 * per-community rules of the engine ({@link CommunityAuthorizations}) and of the
 * application ({@link CommunityAccess}), so both always agree
 * (docs/adr/0017-authorization-per-community.md).
 */
@Repository
class CommunityPeople {

	private final JdbcClient jdbc;

	CommunityPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The people of the community with that code; empty for an unknown code. */
	Optional<People> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select leader_id, foundation_rep_id, ministry_rep_id from lc_community where code = ?")
			.param(code)
			.query((rs, row) -> new People(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** The codes of the communities the user leads or is a partner of. */
	List<String> codesOf(String userId) {
		return this.jdbc
			.sql("select code from lc_community where " + CommunityVisibility.sqlIsOneOfItsPeople(null, "user")
					+ " order by code")
			.param("user", userId)
			.query(String.class)
			.list();
	}

	/** The people of one community. */
	record People(String leader, String foundationRep, String ministryRep) {

		List<String> all() {
			return Stream.of(this.leader, this.foundationRep, this.ministryRep)
				.filter((id) -> id != null && !id.isBlank())
				.distinct()
				.toList();
		}

		boolean includes(String userId) {
			return CommunityVisibility.isOneOfItsPeople(userId, this.leader, this.foundationRep, this.ministryRep);
		}

	}

}
