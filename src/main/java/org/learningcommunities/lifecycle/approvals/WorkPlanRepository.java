package org.learningcommunities.lifecycle.approvals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The work plans and everything decided about them (tables of V9).
 */
@Repository
class WorkPlanRepository {

	private final JdbcClient jdbc;

	WorkPlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// plans
	// --------------------------------------------------------------------------------------------------------

	Optional<WorkPlan> find(long communityId, int year) {
		return this.jdbc.sql("select * from lc_work_plan where community_id = ? and plan_year = ?")
			.params(communityId, year)
			.query(this::plan)
			.optional();
	}

	List<WorkPlan> findAll(long communityId) {
		return this.jdbc.sql("select * from lc_work_plan where community_id = ? order by plan_year")
			.param(communityId)
			.query(this::plan)
			.list();
	}

	long insert(long communityId, int year, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into lc_work_plan (community_id, plan_year, status, created_at) values (?, ?, ?, ?)")
			.params(communityId, year, WorkPlan.Status.AWAITING_APPROVAL.name(), Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void updateStatus(long planId, WorkPlan.Status status) {
		this.jdbc.sql("update lc_work_plan set status = ? where id = ?").params(status.name(), planId).update();
	}

	void markApproved(long planId, int version, Instant at) {
		this.jdbc.sql("update lc_work_plan set status = ?, approved_version = ?, approved_at = ? where id = ?")
			.params(WorkPlan.Status.APPROVED.name(), version, Timestamp.from(at), planId)
			.update();
	}

	// versions
	// -----------------------------------------------------------------------------------------------------

	int nextVersion(long planId) {
		return this.jdbc.sql("select coalesce(max(version), 0) + 1 from lc_work_plan_version where work_plan_id = ?")
			.param(planId)
			.query(Integer.class)
			.single();
	}

	long insertVersion(long planId, int version, String goals, String targets, String meetingsPlanned, String workTeams,
			List<BudgetLine> budgetLines, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lc_work_plan_version (work_plan_id, version, goals, targets, meetings_planned, work_teams,
				    budget_total, drafted_by, drafted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(planId, version, goals, targets, meetingsPlanned, workTeams, BudgetLines.total(budgetLines), by,
					Timestamp.from(at))
			.update(keys, "id");
		long versionId = keys.getKey().longValue();
		for (int i = 0; i < budgetLines.size(); i++) {
			BudgetLine line = budgetLines.get(i);
			this.jdbc
				.sql("insert into lc_work_plan_budget_line (version_id, line_no, item, amount) values (?, ?, ?, ?)")
				.params(versionId, i + 1, line.item(), line.amount())
				.update();
		}
		return versionId;
	}

	/** Every version of a plan, oldest first, with its budget lines. */
	List<PlanVersion> versions(long planId) {
		Map<Long, List<BudgetLine>> lines = new LinkedHashMap<>();
		this.jdbc.sql("""
				select l.version_id, l.item, l.amount from lc_work_plan_budget_line l
				join lc_work_plan_version v on v.id = l.version_id
				where v.work_plan_id = ? order by l.version_id, l.line_no""").param(planId).query((ResultSet rs) -> {
			lines.computeIfAbsent(rs.getLong("version_id"), (id) -> new ArrayList<>())
				.add(new BudgetLine(rs.getString("item"), rs.getBigDecimal("amount")));
		});
		return this.jdbc.sql("select * from lc_work_plan_version where work_plan_id = ? order by version")
			.param(planId)
			.query((rs, n) -> new PlanVersion(rs.getLong("id"), rs.getInt("version"), rs.getString("goals"),
					rs.getString("targets"), rs.getString("meetings_planned"), rs.getString("work_teams"),
					List.copyOf(lines.getOrDefault(rs.getLong("id"), List.of())), rs.getBigDecimal("budget_total"),
					rs.getString("drafted_by"), instant(rs, "drafted_at")))
			.list();
	}

	// decisions, advice, escalations
	// ----------------------------------------------------------------------------------------

	void insertDecision(long versionId, String partnerId, boolean approved, Map<Section, String> comments, Instant at) {
		this.jdbc.sql("""
				insert into lc_work_plan_decision (version_id, partner_id, decision, goals_comment, meetings_comment,
				    work_teams_comment, budget_comment, decided_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(versionId, partnerId, approved ? "APPROVED" : "CHANGES_REQUESTED", comments.get(Section.GOALS),
					comments.get(Section.MEETINGS), comments.get(Section.WORK_TEAMS), comments.get(Section.BUDGET),
					Timestamp.from(at))
			.update();
	}

	/** The decisions on every version of a plan, in the order they were made. */
	List<PartnerDecision> decisions(long planId) {
		return this.jdbc.sql("""
				select d.* from lc_work_plan_decision d join lc_work_plan_version v on v.id = d.version_id
				where v.work_plan_id = ? order by d.id""").param(planId).query((rs, n) -> {
			Map<Section, String> comments = new EnumMap<>(Section.class);
			comment(rs, "goals_comment", Section.GOALS, comments);
			comment(rs, "meetings_comment", Section.MEETINGS, comments);
			comment(rs, "work_teams_comment", Section.WORK_TEAMS, comments);
			comment(rs, "budget_comment", Section.BUDGET, comments);
			return new PartnerDecision(rs.getLong("version_id"), rs.getString("partner_id"),
					"APPROVED".equals(rs.getString("decision")), comments, instant(rs, "decided_at"));
		}).list();
	}

	void insertAdvice(long versionId, String memberName, String advice, String by, Instant at) {
		this.jdbc.sql("""
				insert into lc_work_plan_advice (version_id, member_name, advice, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?)""").params(versionId, memberName, advice, by, Timestamp.from(at)).update();
	}

	/** The advice on every version of a plan, in the order it was recorded. */
	List<Advice> advice(long planId) {
		return this.jdbc.sql("""
				select a.* from lc_work_plan_advice a join lc_work_plan_version v on v.id = a.version_id
				where v.work_plan_id = ? order by a.id""")
			.param(planId)
			.query((rs, n) -> new Advice(rs.getLong("version_id"), rs.getString("member_name"), rs.getString("advice"),
					rs.getString("recorded_by"), instant(rs, "recorded_at")))
			.list();
	}

	void insertEscalation(long planId, int version, List<String> pendingPartners, String action, String by,
			Instant at) {
		this.jdbc.sql("""
				insert into lc_work_plan_escalation (work_plan_id, version, pending_partners, action_taken, handled_by,
				    handled_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(planId, version, String.join(",", pendingPartners), action, by, Timestamp.from(at))
			.update();
	}

	List<Escalation> escalations(long planId) {
		return this.jdbc.sql("select * from lc_work_plan_escalation where work_plan_id = ? order by id")
			.param(planId)
			.query((rs, n) -> new Escalation(rs.getInt("version"),
					Arrays.stream(rs.getString("pending_partners").split(",")).filter((id) -> !id.isBlank()).toList(),
					rs.getString("action_taken"), rs.getString("handled_by"), instant(rs, "handled_at")))
			.list();
	}

	// --------------------------------------------------------------------------------------------------------------

	private WorkPlan plan(ResultSet rs, int row) throws SQLException {
		int version = rs.getInt("approved_version");
		Integer approvedVersion = rs.wasNull() ? null : version;
		return new WorkPlan(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("plan_year"),
				WorkPlan.Status.valueOf(rs.getString("status")), approvedVersion, instant(rs, "approved_at"),
				instant(rs, "created_at"));
	}

	private static void comment(ResultSet rs, String column, Section section, Map<Section, String> comments)
			throws SQLException {
		String comment = rs.getString(column);
		if (comment != null) {
			comments.put(section, comment);
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
