package org.learningcommunities.lifecycle.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The community page's and the three-year summary's reads over the other capabilities'
 * tables (read only: each table is written by its own capability), one query per list.
 */
@Repository
class CommunityPageRepository {

	private final JdbcClient jdbc;

	CommunityPageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CommunityPage.CandidateRow> candidates(long communityId) {
		return this.jdbc.sql("""
				select full_name, authority, role, region, status, applied_at from lc_candidate
				where community_id = ? order by full_name, id""")
			.param(communityId)
			.query((rs, n) -> new CommunityPage.CandidateRow(rs.getString("full_name"), rs.getString("authority"),
					rs.getString("role"), rs.getString("region"), rs.getString("status"),
					rs.getTimestamp("applied_at").toInstant()))
			.list();
	}

	List<CommunityPage.MeetingRow> meetings(long communityId) {
		return this.jdbc.sql("""
				select seq, meeting_date, topic, host, is_online, is_seminar, status, attendance_count, satisfaction,
				       feedback, product_type
				from lc_meeting where community_id = ? order by meeting_date, seq""")
			.param(communityId)
			.query((rs, n) -> new CommunityPage.MeetingRow(rs.getInt("seq"), rs.getDate("meeting_date").toLocalDate(),
					rs.getString("topic"), rs.getString("host"), rs.getBoolean("is_online"),
					rs.getBoolean("is_seminar"), rs.getString("status"),
					(Integer) rs.getObject("attendance_count", Integer.class),
					(Integer) rs.getObject("satisfaction", Integer.class), rs.getString("feedback"),
					rs.getString("product_type")))
			.list();
	}

	List<CommunityPage.TeamRow> workTeams(long communityId) {
		return this.jdbc.sql("""
				select t.seq, t.topic, t.status, t.product_title, t.product_type, t.presented_on,
				       (select count(*) from lc_work_team_member m where m.work_team_id = t.id) as members
				from lc_work_team t where t.community_id = ? order by t.seq""")
			.param(communityId)
			.query((rs, n) -> new CommunityPage.TeamRow(rs.getInt("seq"), rs.getString("topic"), rs.getString("status"),
					rs.getInt("members"), rs.getString("product_title"), rs.getString("product_type"),
					Optional.ofNullable(rs.getDate("presented_on")).map(Date::toLocalDate).orElse(null)))
			.list();
	}

	List<CommunityPage.ProductRow> products(long communityId) {
		return this.jdbc.sql("""
				select stage, title, product_type, description from lc_product
				where community_id = ? order by stage, seq""")
			.param(communityId)
			.query((rs, n) -> new CommunityPage.ProductRow(rs.getString("stage"), rs.getString("title"),
					rs.getString("product_type"), rs.getString("description")))
			.list();
	}

	List<CommunityPage.PlanRow> approvedPlans(long communityId) {
		return this.jdbc.sql("""
				select p.plan_year, p.approved_version, p.approved_at, v.goals, v.targets, v.meetings_planned,
				       v.budget_total
				from lc_work_plan p
				join lc_work_plan_version v on v.work_plan_id = p.id and v.version = p.approved_version
				where p.community_id = ? and p.status = 'APPROVED' order by p.plan_year""")
			.param(communityId)
			.query((rs, n) -> new CommunityPage.PlanRow(rs.getInt("plan_year"), rs.getInt("approved_version"),
					Optional.ofNullable(rs.getTimestamp("approved_at")).map(Timestamp::toInstant).orElse(null),
					rs.getString("goals"), rs.getString("targets"), rs.getString("meetings_planned"),
					rs.getBigDecimal("budget_total")))
			.list();
	}

	/** The year summaries (years one to three), by stage. */
	List<YearSummary> yearSummaries(long communityId) {
		return this.jdbc.sql("""
				select stage, evaluation_results, community_summary, next_year_goals from lc_year_summary
				where community_id = ? order by stage""")
			.param(communityId)
			.query((rs, n) -> new YearSummary(rs.getString("stage"), rs.getString("evaluation_results"),
					rs.getString("community_summary"), rs.getString("next_year_goals")))
			.list();
	}

	List<ImpactTrack> impactTracks(long communityId) {
		return this.jdbc.sql("""
				select title, status, kind, outcome, reach from lc_impact_track
				where community_id = ? order by seq""")
			.param(communityId)
			.query((rs, n) -> new ImpactTrack(rs.getString("title"), rs.getString("status"), rs.getString("kind"),
					rs.getString("outcome"), (Integer) rs.getObject("reach", Integer.class)))
			.list();
	}

	Optional<Farewell> farewell(long communityId) {
		return this.jdbc.sql("""
				select farewell_day, final_evaluation, products_summary from lc_farewell where community_id = ?""")
			.param(communityId)
			.query((rs, n) -> new Farewell(rs.getDate("farewell_day").toLocalDate(), rs.getString("final_evaluation"),
					rs.getString("products_summary")))
			.optional();
	}

	/** A year's summary as the leader wrote it. */
	public record YearSummary(String stage, String evaluationResults, String communitySummary, String nextYearGoals) {
	}

	/** An impact track of year three. */
	public record ImpactTrack(String title, String status, String kind, String outcome, Integer reach) {
	}

	/** The farewell of year three. */
	public record Farewell(LocalDate day, String finalEvaluation, String productsSummary) {
	}

}
