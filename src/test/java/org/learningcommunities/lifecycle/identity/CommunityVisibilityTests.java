package org.learningcommunities.lifecycle.identity;

import java.util.List;
import java.util.Set;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of who sees a community, in both its forms: the Java test and the SQL
 * condition must select the same communities for the same user.
 */
class CommunityVisibilityTests {

	@Test
	void administratorsAndProjectManagersSeeEveryCommunityOthersDoNot() {
		assertThat(CommunityVisibility.seesAll(Set.of(Groups.ADMINS))).isTrue();
		assertThat(CommunityVisibility.seesAll(Set.of(Groups.PROJECT_MANAGERS, Groups.PARTNERS))).isTrue();
		assertThat(CommunityVisibility.seesAll(Set.of(Groups.COMMUNITY_LEADERS, Groups.PARTNERS))).isFalse();
		assertThat(CommunityVisibility.seesAll(Set.of())).isFalse();
		assertThat(CommunityVisibility.seesAll(null)).isFalse();
	}

	@Test
	void theSqlConditionSelectsTheCommunitiesTheJavaRuleSees() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:community-visibility;DB_CLOSE_DELAY=-1");
		JdbcClient jdbc = JdbcClient.create(h2);
		jdbc.sql("create table lc_community (code varchar(40), leader_id varchar(40), foundation_rep_id varchar(40),"
				+ " ministry_rep_id varchar(40))")
			.update();
		List<List<String>> rows = List.of(List.of("a", "leader", "foundation", "ministry"),
				List.of("b", "leader2", "foundation", "ministry2"), List.of("c", "leader2", "foundation2", "leader"),
				List.of("d", "x", "y", "z"));
		for (List<String> row : rows) {
			jdbc.sql("insert into lc_community values (?, ?, ?, ?)").params(row).update();
		}
		for (String user : List.of("leader", "leader2", "foundation", "ministry", "ministry2", "nobody")) {
			List<String> bySql = jdbc
				.sql("select code from lc_community c where " + CommunityVisibility.sqlIsOneOfItsPeople("c", "user")
						+ " order by code")
				.param("user", user)
				.query(String.class)
				.list();
			List<String> byJava = rows.stream()
				.filter((row) -> CommunityVisibility.isOneOfItsPeople(user, row.get(1), row.get(2), row.get(3)))
				.map((row) -> row.get(0))
				.toList();
			assertThat(bySql).as(user).isEqualTo(byJava);
		}
		assertThat(CommunityVisibility.isOneOfItsPeople("leader", "leader", null, null)).isTrue();
		assertThat(CommunityVisibility.isOneOfItsPeople(null, null, null, null)).isFalse();
		jdbc.sql("drop table lc_community").update();
	}

}
