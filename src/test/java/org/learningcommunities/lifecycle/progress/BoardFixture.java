package org.learningcommunities.lifecycle.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Communities for the board's tests, written straight into the application's tables (the
 * board only reads them): each test gives its communities a professional field of its
 * own, so other tests' communities in the same database never change what it counts.
 * Public for the browser tests of the same pages.
 */
public final class BoardFixture {

	private final JdbcClient jdbc;

	private final IdentityService identity;

	public BoardFixture(JdbcClient jdbc, IdentityService identity) {
		this.jdbc = jdbc;
		this.identity = identity;
	}

	/** A user whose password is their id, in one group. */
	public void user(String id, String groupId) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("Test");
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		this.identity.saveUser(user);
		this.identity.createMembership(id, groupId);
	}

	/** A community in a stage; answers its id. */
	public long community(String code, String name, String field, String leader, String stage) {
		this.jdbc.sql("""
				insert into lc_community (code, name, professional_field, leader_id, professional_partner,
				    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
				values (?, ?, ?, ?, 'Partner', 'foundation', 'ministry', ?, 35, ?, ?)""")
			.params(code, name, field, leader, LocalDate.now(), stage, Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("select id from lc_community where code = ?").param(code).query(Long.class).single();
	}

	/** An open task of a community, as the engine's events would mirror it. */
	public void openTask(String taskId, String code, String processKey, String taskKey, String name, String assignee,
			String groups, Instant due, Instant created) {
		this.jdbc.sql("""
				insert into lc_open_task (task_id, community_code, process_key, task_key, task_name, assignee,
				    candidate_groups, due_at, created_at, process_instance_id, root_instance_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(taskId, code, processKey, taskKey, name, assignee, groups,
					(due != null) ? Timestamp.from(due) : null, Timestamp.from(created), "instance-" + taskId,
					"root-" + code)
			.update();
	}

	/** A meeting; {@code attendance} and {@code satisfaction} only for a held one. */
	public void meeting(long communityId, int seq, LocalDate day, String topic, String status, Integer attendance,
			Integer satisfaction) {
		this.jdbc.sql("""
				insert into lc_meeting (community_id, seq, meeting_date, topic, host, is_online, is_seminar, status,
				    attendance_count, satisfaction, feedback, created_at, stage)
				values (?, ?, ?, ?, 'Lod', false, false, ?, ?, ?, ?, ?, 'YEAR_ONE')""")
			.params(communityId, seq, day, topic, status, attendance, satisfaction,
					(attendance != null) ? "Feedback on " + topic : null, Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * A candidate of the community's first call (the call is opened with the first
	 * candidate).
	 */
	public void candidate(long communityId, String fullName, String status) {
		Long callId = this.jdbc.sql("select id from lc_call where community_id = ? and round = 1")
			.param(communityId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (callId == null) {
			this.jdbc
				.sql("""
						insert into lc_call (community_id, round, call_text, audience, deadline, status, drafted_by, opened_at)
						values (?, 1, 'Join us', 'Heads of units', ?, 'CLOSED', 'leader', ?)""")
				.params(communityId, LocalDate.now(), Timestamp.from(Instant.now()))
				.update();
			callId = this.jdbc.sql("select id from lc_call where community_id = ? and round = 1")
				.param(communityId)
				.query(Long.class)
				.single();
		}
		this.jdbc.sql("""
				insert into lc_candidate (community_id, call_id, full_name, email, authority, role, region, language,
				    status, applied_at)
				values (?, ?, ?, ?, 'Lod', 'Head of unit', 'center', 'he', ?, ?)""")
			.params(communityId, callId, fullName, fullName.replace(' ', '.') + "@example.org", status,
					Timestamp.from(Instant.now()))
			.update();
	}

	/** A year's work plan waiting for the partners, with one version. */
	public void pendingWorkPlan(long communityId, int year) {
		this.jdbc.sql("""
				insert into lc_work_plan (community_id, plan_year, status, created_at)
				values (?, ?, 'AWAITING_APPROVAL', ?)""")
			.params(communityId, year, Timestamp.from(Instant.now()))
			.update();
		long planId = this.jdbc.sql("select id from lc_work_plan where community_id = ? and plan_year = ?")
			.params(communityId, year)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into lc_work_plan_version (work_plan_id, version, goals, targets, meetings_planned, budget_total,
				    drafted_by, drafted_at)
				values (?, 1, 'Goals', 'Targets', 'Ten meetings', 1000, 'leader', ?)""")
			.params(planId, Timestamp.from(Instant.now()))
			.update();
	}

	/** A year's work plan approved in its first version, with its budget. */
	public void approvedWorkPlan(long communityId, int year, String budget) {
		this.jdbc.sql("""
				insert into lc_work_plan (community_id, plan_year, status, approved_version, approved_at, created_at)
				values (?, ?, 'APPROVED', 1, ?, ?)""")
			.params(communityId, year, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
			.update();
		long planId = this.jdbc.sql("select id from lc_work_plan where community_id = ? and plan_year = ?")
			.params(communityId, year)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into lc_work_plan_version (work_plan_id, version, goals, targets, meetings_planned, budget_total,
				    drafted_by, drafted_at)
				values (?, 1, 'Goals', 'Targets', 'Ten meetings', ?, 'leader', ?)""")
			.params(planId, new java.math.BigDecimal(budget), Timestamp.from(Instant.now()))
			.update();
	}

	/** A product registered in a stage's summary. */
	public void product(long communityId, String stage, int seq, String title, String type) {
		this.jdbc.sql("""
				insert into lc_product (community_id, stage, seq, source, title, product_type, registered_by,
				    registered_at)
				values (?, ?, ?, 'OTHER', ?, ?, 'leader', ?)""")
			.params(communityId, stage, seq, title, type, Timestamp.from(Instant.now()))
			.update();
	}

}
