package org.learningcommunities.lifecycle.community;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the first meeting of year two or three decided ({@code lc_year_plan}): the central
 * topics, and in year two the products conference and the budget per work team.
 */
@Repository
public class YearPlans {

	private final JdbcClient jdbc;

	YearPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void replace(long communityId, YearPlan plan, String by, Instant at) {
		this.jdbc.sql("delete from lc_year_plan where community_id = ? and stage = ?")
			.params(communityId, plan.stage().name())
			.update();
		this.jdbc.sql("""
				insert into lc_year_plan (community_id, stage, held_on, central_topics, conference_day, team_budget,
				    decided_by, decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, plan.stage().name(), plan.heldOn(), plan.centralTopics(), plan.conferenceDay(),
					plan.teamBudget(), by, Timestamp.from(at))
			.update();
	}

	public Optional<YearPlan> find(long communityId, Stage stage) {
		return this.jdbc.sql("select * from lc_year_plan where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.query((rs, n) -> new YearPlan(stage, rs.getObject("held_on", LocalDate.class),
					rs.getString("central_topics"), rs.getObject("conference_day", LocalDate.class),
					rs.getBigDecimal("team_budget")))
			.optional();
	}

	/**
	 * @param conferenceDay year two only: the products conference, every team's deadline
	 * @param teamBudget year two only: the most a team may ask for
	 */
	public record YearPlan(Stage stage, LocalDate heldOn, String centralTopics, LocalDate conferenceDay,
			BigDecimal teamBudget) {
	}

}
