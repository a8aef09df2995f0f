package org.learningcommunities.lifecycle.community;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.learningcommunities.lifecycle.community.StageDataRepository.Confirmation;
import org.learningcommunities.lifecycle.community.StageDataRepository.GoalSet;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five establishment steps (guide p.70): each form's data in our tables, prefilled when a step is revised.
 */
@Service
@Transactional
public class EstablishmentService {

	private static final Logger log = LoggerFactory.getLogger(EstablishmentService.class);

	private static final String SHARED_VISION = "lc_shared_vision";

	private static final String NEEDS_MAPPING = "lc_needs_mapping";

	private static final String EVALUATION_PLAN = "lc_evaluation_plan";

	private static final String COMMUNITY_MIX = "lc_community_mix";

	private final CommunityService communities;

	private final StageDataRepository data;

	private final Clock clock;

	EstablishmentService(CommunityService communities, StageDataRepository data, Clock clock) {
		this.communities = communities;
		this.data = data;
		this.clock = clock;
	}

	// step 1: partners and the shared vision --------------------------------------------------------------------

	public Map<String, Object> sharedVisionForm(TaskContext task) {
		return stored(task, SHARED_VISION, Map.of("partnerOrganisations", "partner_organisations", "agreedBudget",
				"agreed_budget", "vision", "vision", "responsibilities", "responsibilities", "forumsAndRoutines",
				"forums_and_routines"));
	}

	public Map<String, Object> recordSharedVision(TaskContext task, FormValues form) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("partner_organisations", form.text("partnerOrganisations"));
		row.put("agreed_budget", form.decimal("agreedBudget"));
		row.put("vision", form.text("vision"));
		row.put("responsibilities", form.text("responsibilities"));
		row.put("forums_and_routines", form.text("forumsAndRoutines"));
		return record(task, SHARED_VISION, row);
	}

	// step 2: needs ---------------------------------------------------------------------------------------------

	public Map<String, Object> needsForm(TaskContext task) {
		return stored(task, NEEDS_MAPPING, Map.of("dataSources", "data_sources", "needs", "needs"));
	}

	public Map<String, Object> recordNeeds(TaskContext task, FormValues form) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("data_sources", form.text("dataSources"));
		row.put("needs", form.text("needs"));
		return record(task, NEEDS_MAPPING, row);
	}

	// step 3: goals and targets, confirmed by every partner ----------------------------------------------------

	public Map<String, Object> draftGoalsForm(TaskContext task) {
		long communityId = this.communities.get(task.communityCode()).id();
		Map<String, Object> values = new LinkedHashMap<>();
		this.data.latestGoalSet(communityId).ifPresent((goals) -> {
			values.put("goals", goals.goals());
			values.put("targets", goals.targets());
			values.put("partnerComments", comments(this.data.confirmations(goals.id())));
		});
		return values;
	}

	public Map<String, Object> draftGoals(TaskContext task, FormValues form) {
		long communityId = this.communities.get(task.communityCode()).id();
		int version = this.data.nextGoalVersion(communityId);
		this.data.insertGoalSet(communityId, version, form.text("goals"), form.text("targets"), task.userId(),
				this.clock.instant());
		log.info("Goals version {} drafted for community {}", version, task.communityCode());
		return Map.of();
	}

	public Map<String, Object> confirmGoalsForm(TaskContext task) {
		GoalSet goals = latestGoals(task);
		return Map.of("goalsVersion", goals.version(), "goals", goals.goals(), "targets", goals.targets());
	}

	public Map<String, Object> confirmGoals(TaskContext task, FormValues form) {
		GoalSet goals = latestGoals(task);
		boolean confirmed = "confirm".equals(form.text("goalsDecision"));
		String comment = form.text("goalsComment");
		if (!confirmed && comment == null) {
			throw InvalidFormException.of("goalsComment", "is required when asking for changes");
		}
		String partner = (task.assignee() != null) ? task.assignee() : task.userId();
		if (!partner.equals(task.userId())) {
			// the partners group may work on every partner's confirmation: each partner decides only their own
			throw new AuthorizationException("Only " + partner + " can decide on this confirmation of the goals, not "
					+ task.userId());
		}
		this.data.insertConfirmation(goals.id(), partner, confirmed, comment, this.clock.instant());
		log.info("Partner {} {} goals version {} of community {}", partner, confirmed ? "confirmed" : "did not confirm",
				goals.version(), task.communityCode());
		return Map.of();
	}

	/** True when every partner representative confirmed the latest version of the goals. */
	public boolean goalsAgreedByEveryPartner(String communityCode) {
		Community community = this.communities.get(communityCode);
		return this.data.latestGoalSet(community.id()).map((goals) -> {
			List<Confirmation> confirmations = this.data.confirmations(goals.id());
			return community.partnerRepIds()
				.stream()
				.allMatch((partner) -> confirmations.stream()
					.anyMatch((c) -> c.partnerId().equals(partner) && c.confirmed()));
		}).orElse(false);
	}

	private GoalSet latestGoals(TaskContext task) {
		return this.data.latestGoalSet(this.communities.get(task.communityCode()).id())
			.orElseThrow(() -> new IllegalStateException("No goals drafted for " + task.communityCode()));
	}

	private static String comments(List<Confirmation> confirmations) {
		StringBuilder text = new StringBuilder();
		for (Confirmation confirmation : confirmations) {
			if (!confirmation.confirmed()) {
				text.append(confirmation.partnerId()).append(": ").append(confirmation.comment()).append('\n');
			}
		}
		return text.toString().strip();
	}

	// step 4: evaluation plan -------------------------------------------------------------------------------------

	public Map<String, Object> evaluationPlanForm(TaskContext task) {
		return stored(task, EVALUATION_PLAN,
				Map.of("centralGovernment", "central_government", "localAuthorities", "local_authorities",
						"communityAndMembers", "community_and_members", "organisationalEnvelope",
						"organisational_envelope", "evaluator", "evaluator"));
	}

	public Map<String, Object> recordEvaluationPlan(TaskContext task, FormValues form) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("central_government", form.text("centralGovernment"));
		row.put("local_authorities", form.text("localAuthorities"));
		row.put("community_and_members", form.text("communityAndMembers"));
		row.put("organisational_envelope", form.text("organisationalEnvelope"));
		row.put("evaluator", form.text("evaluator"));
		return record(task, EVALUATION_PLAN, row);
	}

	// step 5: community mix ---------------------------------------------------------------------------------------

	public Map<String, Object> communityMixForm(TaskContext task) {
		Map<String, Object> values = stored(task, COMMUNITY_MIX,
				Map.of("targetRoles", "target_roles", "minSeniorityYears", "min_seniority_years",
						"minShareEachGenderPct", "min_share_each_gender_pct", "notes", "notes"));
		this.data.find(COMMUNITY_MIX, this.communities.get(task.communityCode()).id()).ifPresent((row) -> {
			values.put("sectors", List.of(row.get("sectors").toString().split(",")));
			values.put("regions", List.of(row.get("regions").toString().split(",")));
		});
		return values;
	}

	public Map<String, Object> recordCommunityMix(TaskContext task, FormValues form) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("target_roles", form.text("targetRoles"));
		row.put("min_seniority_years", form.integer("minSeniorityYears"));
		row.put("min_share_each_gender_pct", form.integer("minShareEachGenderPct"));
		row.put("sectors", String.join(",", form.list("sectors")));
		row.put("regions", String.join(",", form.list("regions")));
		row.put("notes", form.text("notes"));
		return record(task, COMMUNITY_MIX, row);
	}

	// --------------------------------------------------------------------------------------------------------------

	private Map<String, Object> record(TaskContext task, String table, Map<String, Object> row) {
		this.data.replace(table, this.communities.get(task.communityCode()).id(), row, task.userId(),
				this.clock.instant());
		return Map.of();
	}

	/** A stored row as form values: form key to column. */
	private Map<String, Object> stored(TaskContext task, String table, Map<String, String> columnsByField) {
		Map<String, Object> values = new LinkedHashMap<>();
		this.data.find(table, this.communities.get(task.communityCode()).id())
			.ifPresent((row) -> columnsByField.forEach((field, column) -> values.put(field, formValue(row.get(column)))));
		return values;
	}

	private static Object formValue(Object value) {
		// form-js number fields want numbers, not BigDecimal
		return (value instanceof java.math.BigDecimal decimal) ? decimal.doubleValue() : value;
	}

}
