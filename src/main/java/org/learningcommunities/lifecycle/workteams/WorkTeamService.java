package org.learningcommunities.lifecycle.workteams;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.Members;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.community.YearPlans;
import org.learningcommunities.lifecycle.community.YearPlans.YearPlan;
import org.learningcommunities.lifecycle.community.YearTwoProcess;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year two's work teams (guide p.53-55): the first meeting forms one team per central
 * topic and sets the products conference, the one deadline of every team, and the budget
 * a team may ask for; each team then goes through its six stages. Called from the forms
 * of {@code year-two} and {@code work-team}, inside the engine's transaction.
 */
@Service
@Transactional
public class WorkTeamService {

	private static final Logger log = LoggerFactory.getLogger(WorkTeamService.class);

	/** The day of the products conference starts at midnight in Israel. */
	static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	static final int TEAM_MIN = 5;

	static final int TEAM_MAX = 8;

	/** Each role's form field, and how {@code lc_work_team_member.team_role} names it. */
	static final Map<String, String> ROLES = rolesInOrder();

	private static final String MEMBER = "MEMBER";

	private final CommunityService communities;

	private final Members members;

	private final YearPlans plans;

	private final JdbcClient jdbc;

	private final Clock clock;

	WorkTeamService(CommunityService communities, Members members, YearPlans plans, JdbcClient jdbc, Clock clock) {
		this.communities = communities;
		this.members = members;
		this.plans = plans;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private static Map<String, String> rolesInOrder() {
		Map<String, String> roles = new LinkedHashMap<>();
		roles.put("facilitator", "FACILITATOR");
		roles.put("documenter", "DOCUMENTER");
		roles.put("timekeeper", "TIMEKEEPER");
		roles.put("calendarCoordinator", "CALENDAR_COORDINATOR");
		return roles;
	}

	// form-work-teams (year two)
	// -----------------------------------------------------------------------------------

	public Map<String, Object> formWorkTeamsForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("memberCount", this.members.current(community.id()).size());
		this.plans.find(community.id(), Stage.YEAR_TWO).ifPresent((plan) -> {
			values.put("heldOn", plan.heldOn().toString());
			values.put("centralTopics", plan.centralTopics());
			values.put(YearTwoProcess.PRODUCTS_CONFERENCE, plan.conferenceDay().toString());
			values.put("teamBudget", plan.teamBudget().intValue());
		});
		List<String> topics = this.jdbc.sql("select topic from lc_work_team where community_id = ? order by seq")
			.param(community.id())
			.query(String.class)
			.list();
		if (!topics.isEmpty()) {
			values.put("teamTopics", String.join("\n", topics));
		}
		return values;
	}

	/**
	 * Stores the year's plan and one team per topic.
	 * @return the teams' ids (the collection of the work-teams call activity) and the
	 * conference (the teams' timer)
	 * @throws InvalidFormException naming {@code productsConference} unless it is after
	 * today, {@code teamTopics} when the members are too few for that many teams of 5
	 */
	public Map<String, Object> formWorkTeams(TaskContext task, FormValues form) {
		Community community = this.communities.get(task.communityCode());
		LocalDate conference = form.date(YearTwoProcess.PRODUCTS_CONFERENCE);
		List<String> topics = form.lines("teamTopics");
		int memberCount = this.members.current(community.id()).size();
		List<FieldError> errors = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock.withZone(ZONE));
		if (!conference.isAfter(today)) {
			errors.add(new FieldError(YearTwoProcess.PRODUCTS_CONFERENCE, "must be after today (" + today + ")"));
		}
		if (topics.isEmpty()) {
			errors.add(new FieldError("teamTopics", "must name at least one team, one topic per line"));
		}
		else if (topics.size() * TEAM_MIN > memberCount) {
			errors.add(new FieldError("teamTopics", "names " + topics.size() + " teams, but the community's "
					+ memberCount + " members make at most " + (memberCount / TEAM_MIN) + " teams of " + TEAM_MIN));
		}
		else if (topics.stream().anyMatch((topic) -> topic.length() > 200)) {
			errors.add(new FieldError("teamTopics", "must hold topics of at most 200 characters each"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		Instant now = this.clock.instant();
		this.plans.replace(community.id(), new YearPlan(Stage.YEAR_TWO, form.date("heldOn"), form.text("centralTopics"),
				conference, form.decimal("teamBudget")), task.userId(), now);
		List<Long> teamIds = new ArrayList<>();
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) from lc_work_team where community_id = ?")
			.param(community.id())
			.query(Integer.class)
			.single();
		for (String topic : topics) {
			seq++;
			this.jdbc.sql("""
					insert into lc_work_team (community_id, seq, topic, status, created_at)
					values (?, ?, ?, 'FORMING', ?)""").params(community.id(), seq, topic, Timestamp.from(now)).update();
			teamIds.add(this.jdbc.sql("select id from lc_work_team where community_id = ? and seq = ?")
				.params(community.id(), seq)
				.query(Long.class)
				.single());
		}
		log.info("Community {} formed {} work teams; products conference on {}", task.communityCode(), topics.size(),
				conference);
		Map<String, Object> decisions = new LinkedHashMap<>();
		decisions.put(YearTwoProcess.WORK_TEAMS_VARIABLE, teamIds);
		decisions.put(YearTwoProcess.PRODUCTS_CONFERENCE, Date.from(conference.atStartOfDay(ZONE).toInstant()));
		return decisions;
	}

	// set-up-work-team (stage 1)
	// -----------------------------------------------------------------------------------

	/** The members free to join (not in another team), and the team as set up so far. */
	public Map<String, Object> setUpForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		Map<Long, String> free = freeMembers(team);
		values.put("communityMembers", Members.options(free));
		List<Map<String, Object>> roster = this.jdbc
			.sql("select candidate_id, team_role from lc_work_team_member where work_team_id = ?")
			.param(team.id())
			.query()
			.listOfRows();
		if (!roster.isEmpty()) {
			values.put("teamMembers", roster.stream().map((row) -> row.get("candidate_id").toString()).toList());
			ROLES.forEach((field, role) -> roster.stream()
				.filter((row) -> role.equals(row.get("team_role")))
				.findFirst()
				.ifPresent((row) -> values.put(field, row.get("candidate_id").toString())));
		}
		putIfSet(values, "staffCompanion", team.row().get("staff_companion"));
		putIfSet(values, "nextMeeting", team.row().get("next_meeting"));
		putIfSet(values, "productTitle", team.row().get("product_title"));
		putIfSet(values, "productType", team.row().get("product_type"));
		putIfSet(values, "productAudience", team.row().get("product_audience"));
		putIfSet(values, "productUse", team.row().get("product_use"));
		putIfSet(values, "productDistribution", team.row().get("product_distribution"));
		return values;
	}

	/**
	 * Stores the team's members, roles and product.
	 * @throws InvalidFormException naming {@code teamMembers} outside 5-8 members or with
	 * someone who is not a member free to join, and each role held by someone outside the
	 * team or by a member who holds another role already
	 */
	public Map<String, Object> setUp(TaskContext task, FormValues form) {
		Team team = team(task);
		List<String> chosen = form.list("teamMembers");
		Map<Long, String> free = freeMembers(team);
		List<FieldError> errors = new ArrayList<>();
		if (chosen.size() < TEAM_MIN || chosen.size() > TEAM_MAX) {
			errors.add(new FieldError("teamMembers",
					"must name " + TEAM_MIN + " to " + TEAM_MAX + " members (has " + chosen.size() + ")"));
		}
		else if (!Members.allAmong(chosen, free)) {
			errors
				.add(new FieldError("teamMembers", "may only name members of the community who are in no other team"));
		}
		Set<String> holders = new HashSet<>();
		ROLES.keySet().forEach((field) -> {
			String holder = form.text(field);
			if (holder == null) {
				errors.add(new FieldError(field, "is required"));
			}
			else if (!chosen.contains(holder)) {
				errors.add(new FieldError(field, "must be one of the team's members"));
			}
			else if (!holders.add(holder)) {
				errors.add(new FieldError(field, "is held by a member who holds another role already"));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		this.jdbc.sql("delete from lc_work_team_member where work_team_id = ?").param(team.id()).update();
		Map<String, String> roleOf = new LinkedHashMap<>();
		ROLES.forEach((field, role) -> roleOf.put(form.text(field), role));
		for (String member : chosen) {
			this.jdbc.sql("insert into lc_work_team_member (work_team_id, candidate_id, team_role) values (?, ?, ?)")
				.params(team.id(), Long.valueOf(member), roleOf.getOrDefault(member, MEMBER))
				.update();
		}
		this.jdbc.sql("""
				update lc_work_team set status = 'WORKING', staff_companion = ?, next_meeting = ?, product_title = ?,
				    product_type = ?, product_audience = ?, product_use = ?, product_distribution = ?
				where id = ?""")
			.params(form.text("staffCompanion"), form.date("nextMeeting"), form.text("productTitle"),
					form.text("productType"), form.text("productAudience"), form.text("productUse"),
					form.text("productDistribution"), team.id())
			.update();
		log.info("Work team {} of community {} set up with {} members", team.id(), task.communityCode(), chosen.size());
		return Map.of();
	}

	// plan-team-product (stage 2)
	// ----------------------------------------------------------------------------------

	/** The year's budget per team, the plan so far, and why a request was refused. */
	public Map<String, Object> planForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		values.put("teamBudget", teamBudget(team).intValue());
		putIfSet(values, "responsibilities", team.row().get("responsibilities"));
		latestRequest(team.id()).ifPresent((request) -> {
			values.put("budgetAmount", ((BigDecimal) request.get("amount")).intValue());
			values.put("budgetPurpose", request.get("purpose"));
			if ("REFUSED".equals(request.get("status"))) {
				values.put("budgetRefusal", request.get("reason"));
			}
		});
		return values;
	}

	/**
	 * Stores the plan and, when it asks for money, a budget request.
	 * @return whether a budget was requested
	 * @throws InvalidFormException naming {@code budgetAmount} above the year's budget
	 * per team, {@code budgetPurpose} missing for an amount
	 */
	public Map<String, Object> plan(TaskContext task, FormValues form) {
		Team team = team(task);
		BigDecimal amount = (form.decimal("budgetAmount") != null) ? form.decimal("budgetAmount") : BigDecimal.ZERO;
		BigDecimal cap = teamBudget(team);
		if (amount.compareTo(cap) > 0) {
			throw InvalidFormException.of("budgetAmount",
					"must be at most the year's budget per team (" + cap.toPlainString() + ")");
		}
		boolean requested = amount.signum() > 0;
		if (requested && form.text("budgetPurpose") == null) {
			throw InvalidFormException.of("budgetPurpose", "is required when a budget is requested");
		}
		this.jdbc.sql("update lc_work_team set responsibilities = ? where id = ?")
			.params(form.text("responsibilities"), team.id())
			.update();
		if (requested) {
			this.jdbc
				.sql("""
						insert into lc_team_budget_request (work_team_id, amount, purpose, status, requested_by, requested_at)
						values (?, ?, ?, 'REQUESTED', ?, ?)""")
				.params(team.id(), amount, form.text("budgetPurpose"), task.userId(),
						Timestamp.from(this.clock.instant()))
				.update();
			log.info("Work team {} of community {} requests a budget of {}", team.id(), task.communityCode(),
					amount.toPlainString());
		}
		return Map.of(WorkTeamProcess.BUDGET_REQUESTED_VARIABLE, requested);
	}

	// approve-team-budget
	// ------------------------------------------------------------------------------------------

	public Map<String, Object> budgetForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		values.put("teamBudget", teamBudget(team).intValue());
		putIfSet(values, "responsibilities", team.row().get("responsibilities"));
		latestRequest(team.id()).ifPresent((request) -> {
			values.put("budgetAmount", ((BigDecimal) request.get("amount")).intValue());
			values.put("budgetPurpose", request.get("purpose"));
		});
		return values;
	}

	/**
	 * @throws InvalidFormException naming {@code budgetReason} when a refusal gives no
	 * reason
	 */
	public Map<String, Object> decideBudget(TaskContext task, FormValues form) {
		Team team = team(task);
		String decision = form.text(WorkTeamProcess.BUDGET_DECISION);
		boolean refused = WorkTeamProcess.BUDGET_REFUSE.equals(decision);
		String reason = form.text("budgetReason");
		if (refused && reason == null) {
			throw InvalidFormException.of("budgetReason", "is required when the request is refused");
		}
		Map<String, Object> request = latestRequest(team.id())
			.filter((latest) -> "REQUESTED".equals(latest.get("status")))
			.orElseThrow(() -> new IllegalStateException("Work team " + team.id() + " has no open budget request"));
		this.jdbc
			.sql("""
					update lc_team_budget_request set status = ?, reason = ?, decided_by = ?, decided_at = ? where id = ?""")
			.params(refused ? "REFUSED" : "APPROVED", reason, task.userId(), Timestamp.from(this.clock.instant()),
					request.get("id"))
			.update();
		log.info("Budget request of work team {} of community {}: {}", team.id(), task.communityCode(), decision);
		return Map.of(WorkTeamProcess.BUDGET_DECISION, decision);
	}

	// review-team-drafts, finalize-team-product (stages 3 and 4)
	// -------------------------------------------------------------------

	public Map<String, Object> draftsForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		putIfSet(values, "draftsReview", team.row().get("drafts_review"));
		return values;
	}

	public Map<String, Object> reviewDrafts(TaskContext task, FormValues form) {
		this.jdbc.sql("update lc_work_team set drafts_review = ? where id = ?")
			.params(form.text("draftsReview"), team(task).id())
			.update();
		return Map.of();
	}

	public Map<String, Object> finalForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		putIfSet(values, "finalPreparation", team.row().get("final_preparation"));
		return values;
	}

	public Map<String, Object> finalizeProduct(TaskContext task, FormValues form) {
		Team team = team(task);
		this.jdbc.sql("update lc_work_team set final_preparation = ?, status = 'READY' where id = ?")
			.params(form.text("finalPreparation"), team.id())
			.update();
		log.info("Work team {} of community {} is ready for the products conference", team.id(), task.communityCode());
		return Map.of();
	}

	// decide-on-late-team (escalation)
	// ------------------------------------------------------------------------------

	public Map<String, Object> lateTeamForm(TaskContext task) {
		return context(team(task));
	}

	/**
	 * @throws InvalidFormException naming {@code lateNotes} when the product is dropped
	 * without a word on why
	 */
	public Map<String, Object> decideOnLateTeam(TaskContext task, FormValues form) {
		Team team = team(task);
		String decision = form.text(WorkTeamProcess.LATE_TEAM_DECISION);
		boolean dropped = WorkTeamProcess.LATE_DROP.equals(decision);
		if (dropped && form.text("lateNotes") == null) {
			throw InvalidFormException.of("lateNotes", "is required when the product is dropped");
		}
		this.jdbc.sql("update lc_work_team set late_decision = ?, late_notes = ?, status = ? where id = ?")
			.params(decision, form.text("lateNotes"), dropped ? "DROPPED" : team.row().get("status"), team.id())
			.update();
		log.warn("Work team {} of community {} was late for the products conference: {}", team.id(),
				task.communityCode(), decision);
		return Map.of(WorkTeamProcess.LATE_TEAM_DECISION, decision);
	}

	// present-product, summarize-team-work (stages 5 and 6)
	// ------------------------------------------------------------------

	public Map<String, Object> presentationForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		putIfSet(values, "presentedOn", team.row().get("presented_on"));
		putIfSet(values, "finalProduct", team.row().get("final_product"));
		putIfSet(values, "signedOffBy", team.row().get("signed_off_by"));
		putIfSet(values, "presentationNotes", team.row().get("presentation_notes"));
		return values;
	}

	public Map<String, Object> present(TaskContext task, FormValues form) {
		Team team = team(task);
		this.jdbc.sql("""
				update lc_work_team set presented_on = ?, final_product = ?, signed_off_by = ?, presentation_notes = ?,
				    status = 'PRESENTED'
				where id = ?""")
			.params(form.date("presentedOn"), form.text("finalProduct"), form.text("signedOffBy"),
					form.text("presentationNotes"), team.id())
			.update();
		log.info("Work team {} of community {} presented its product, signed off", team.id(), task.communityCode());
		return Map.of();
	}

	public Map<String, Object> summaryForm(TaskContext task) {
		Team team = team(task);
		Map<String, Object> values = context(team);
		putIfSet(values, "teamSummary", team.row().get("team_summary"));
		putIfSet(values, "teamFeedback", team.row().get("team_feedback"));
		return values;
	}

	public Map<String, Object> summarize(TaskContext task, FormValues form) {
		this.jdbc.sql("update lc_work_team set team_summary = ?, team_feedback = ? where id = ?")
			.params(form.text("teamSummary"), form.text("teamFeedback"), team(task).id())
			.update();
		return Map.of();
	}

	// reading
	// ----------------------------------------------------------------------------------------------------

	/** The work teams of a community, in the order they were formed. */
	@Transactional(readOnly = true)
	public List<WorkTeam> teams(long communityId) {
		return this.jdbc.sql("select * from lc_work_team where community_id = ? order by seq")
			.param(communityId)
			.query((rs, n) -> new WorkTeam(rs.getLong("id"), rs.getInt("seq"), rs.getString("topic"),
					rs.getString("status"), rs.getString("product_title"), rs.getString("product_type"),
					rs.getString("product_audience"), rs.getString("final_product"),
					rs.getObject("presented_on", LocalDate.class), rs.getString("signed_off_by")))
			.list();
	}

	/** One work team and its product, as the API shows it. */
	public record WorkTeam(long workTeamId, int seq, String topic, String status, String productTitle,
			String productType, String productAudience, String finalProduct, LocalDate presentedOn,
			String signedOffBy) {
	}

	// helpers
	// ----------------------------------------------------------------------------------------------------

	private Team team(TaskContext task) {
		Object id = task.variable(YearTwoProcess.WORK_TEAM_ID);
		if (!(id instanceof Number number)) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no variable " + YearTwoProcess.WORK_TEAM_ID);
		}
		long communityId = this.communities.get(task.communityCode()).id();
		Map<String, Object> row = this.jdbc.sql("select * from lc_work_team where id = ? and community_id = ?")
			.params(number.longValue(), communityId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No work team " + number + " in community " + task.communityCode()));
		return new Team(number.longValue(), communityId, row);
	}

	/** The read-only context every team form opens with. */
	private Map<String, Object> context(Team team) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		lines.add("צוות · Team " + team.row().get("seq") + ": " + team.row().get("topic"));
		if (team.row().get("product_title") != null) {
			lines.add("תוצר · Product: " + team.row().get("product_title") + " (" + team.row().get("product_type")
					+ ") · קהל · audience: " + team.row().get("product_audience"));
		}
		int size = this.jdbc.sql("select count(*) from lc_work_team_member where work_team_id = ?")
			.param(team.id())
			.query(Integer.class)
			.single();
		if (size > 0) {
			lines.add("חברים · Members: " + size + " · מלווה · companion: " + team.row().get("staff_companion"));
		}
		this.plans.find(team.communityId(), Stage.YEAR_TWO)
			.ifPresent((plan) -> lines.add("כנס התוצרים · Products conference: " + plan.conferenceDay()));
		values.put("teamCard", String.join("\n", lines));
		return values;
	}

	private Map<Long, String> freeMembers(Team team) {
		Map<Long, String> free = new LinkedHashMap<>(this.members.current(team.communityId()));
		this.jdbc.sql("""
				select m.candidate_id from lc_work_team_member m join lc_work_team t on t.id = m.work_team_id
				where t.community_id = ? and t.id <> ?""")
			.params(team.communityId(), team.id())
			.query(Long.class)
			.list()
			.forEach(free::remove);
		return free;
	}

	private BigDecimal teamBudget(Team team) {
		return this.plans.find(team.communityId(), Stage.YEAR_TWO)
			.map(YearPlan::teamBudget)
			.orElseThrow(() -> new IllegalStateException("Community of work team " + team.id() + " has no year plan"));
	}

	private Optional<Map<String, Object>> latestRequest(long teamId) {
		return this.jdbc.sql("select * from lc_team_budget_request where work_team_id = ? order by id desc")
			.param(teamId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	private static void putIfSet(Map<String, Object> values, String key, Object value) {
		if (value != null) {
			// a date column is a java.sql.Date, whose text is the form's YYYY-MM-DD
			values.put(key, (value instanceof Date) ? value.toString() : value);
		}
	}

	private record Team(long id, long communityId, Map<String, Object> row) {
	}

}
