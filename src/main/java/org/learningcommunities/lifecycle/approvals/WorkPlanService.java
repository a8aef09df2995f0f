package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.APPROVAL_DAYS;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.CHANGES_REQUESTED;
import static org.learningcommunities.lifecycle.approvals.WorkPlanApprovalProcess.PLAN_YEAR;

/**
 * Each year's work plan, from its drafts to the partners' approval of one version, with
 * everything said about it on the way: the forms of {@code work-plan-approval}, its
 * checks and reminders, and the plans' history for the API. Called inside the engine's
 * transaction: a refusal rolls back the engine's step too.
 */
@Service
@Transactional
public class WorkPlanService {

	private static final Logger log = LoggerFactory.getLogger(WorkPlanService.class);

	static final String APPROVE = "approve";

	static final int NAME_LENGTH = 200;

	static final int TEXT_LENGTH = 4000;

	/** The read-only field of the draft and the approvals that shows the advice. */
	static final String ADVISORY_ADVICE = "advisoryAdvice";

	/** Deadlines are shown as days in Israel. */
	private static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	private static final List<String> YEARS_HE = List.of("א׳", "ב׳", "ג׳");

	private static final List<String> YEARS_EN = List.of("one", "two", "three");

	private final CommunityService communities;

	private final WorkPlanRepository plans;

	private final PartnerDirectory partners;

	private final WorkPlanMail mail;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final EngineAsApplication asApplication;

	private final Clock clock;

	WorkPlanService(CommunityService communities, WorkPlanRepository plans, PartnerDirectory partners,
			WorkPlanMail mail, TaskService tasks, RuntimeService runtime, EngineAsApplication asApplication,
			Clock clock) {
		this.communities = communities;
		this.plans = plans;
		this.partners = partners;
		this.mail = mail;
		this.tasks = tasks;
		this.runtime = runtime;
		this.asApplication = asApplication;
		this.clock = clock;
	}

	// draft-work-plan: the leader or the project manager drafts a version
	// -------------------------------------------------------------

	/**
	 * The latest version to revise, with the partners' comments and the advisory
	 * committee's advice on it; empty sections for a first draft.
	 */
	public Map<String, Object> draftForm(TaskContext task) {
		Community community = community(task);
		int year = year(task);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("planTitle", title(community, year));
		history(community, year).ifPresent((history) -> history.latest().ifPresent((latest) -> {
			putSections(values, latest);
			values.put("partnerComments", partnerComments(history.decisionsOn(latest)));
			values.put(ADVISORY_ADVICE, adviceText(history.adviceOn(latest)));
		}));
		return values;
	}

	/**
	 * Stores a new version of the year's plan; both partners then decide on it.
	 * @throws InvalidFormException naming {@code budgetLines} for a line without an
	 * amount, or with an amount that is not a number or is negative
	 */
	public Map<String, Object> draft(TaskContext task, FormValues form) {
		List<BudgetLine> budget = BudgetLines.parse(form.text(BudgetLines.FIELD));
		Community community = community(task);
		int year = year(task);
		Instant now = this.clock.instant();
		long planId = this.plans.find(community.id(), year)
			.map(WorkPlan::id)
			.orElseGet(() -> this.plans.insert(community.id(), year, now));
		int version = this.plans.nextVersion(planId);
		this.plans.insertVersion(planId, version, form.text("goals"), form.text("targets"),
				form.text("meetingsPlanned"), form.text("workTeams"), budget, task.userId(), now);
		this.plans.updateStatus(planId, WorkPlan.Status.AWAITING_APPROVAL);
		log.info("Work plan of year {} of community {}: version {} drafted", year, task.communityCode(), version);
		return Map.of(CHANGES_REQUESTED, false);
	}

	// approve-work-plan: each partner decides on the version
	// ----------------------------------------------------------------------------

	/** The version to decide on, what changed since the previous one, and the advice. */
	public Map<String, Object> approvalForm(TaskContext task) {
		Community community = community(task);
		int year = year(task);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("planTitle", title(community, year));
		values.put("planVersion", latest.version());
		values.put("changesSinceLastVersion", changesText(history, latest));
		putSections(values, latest);
		values.put("budgetTotal", latest.budgetTotal().doubleValue());
		values.put(ADVISORY_ADVICE, adviceText(history.adviceOn(latest)));
		return values;
	}

	/**
	 * Stores a partner's decision on the version awaiting decisions.
	 * @return {@code changesRequested}: a request for changes ends the round
	 * @throws AuthorizationException when someone else than the task's partner decides
	 * @throws OutdatedVersionException when the decision names a version that is not the
	 * one awaiting decisions
	 * @throws InvalidFormException naming every section's comment field when changes are
	 * asked for without a comment
	 */
	public Map<String, Object> decide(TaskContext task, FormValues form) {
		String partner = (task.assignee() != null) ? task.assignee() : task.userId();
		if (!partner.equals(task.userId())) {
			// project managers may work on every task: only the partner decides
			throw new AuthorizationException(
					"Only " + partner + " can decide on this approval of the work plan, not " + task.userId());
		}
		Community community = community(task);
		if (!community.partnerRepIds().contains(partner)) {
			throw new AuthorizationException(
					partner + " does not represent a partner of community " + community.code() + " any more");
		}
		int year = year(task);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		Integer decidedOn = versionNumber(form);
		if (decidedOn != null && decidedOn != latest.version()) {
			throw new OutdatedVersionException(outdated(community, year, decidedOn, latest.version()));
		}
		boolean approved = APPROVE.equals(form.text("workPlanDecision"));
		Map<Section, String> comments = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			String comment = form.text(section.commentField());
			if (comment != null) {
				comments.put(section, comment);
			}
		}
		if (!approved && comments.isEmpty()) {
			List<FieldError> errors = new ArrayList<>();
			for (Section section : Section.values()) {
				errors.add(new FieldError(section.commentField(),
						"is empty: asking for changes needs a comment on at least one section"));
			}
			throw new InvalidFormException(errors);
		}
		this.plans.insertDecision(latest.id(), partner, approved, comments, this.clock.instant());
		if (!approved) {
			this.plans.updateStatus(history.plan().id(), WorkPlan.Status.CHANGES_REQUESTED);
		}
		log.info("Work plan of year {} of community {}: partner {} {} version {}", year, community.code(), partner,
				approved ? "approved" : "asked for changes to", latest.version());
		return Map.of(CHANGES_REQUESTED, !approved);
	}

	/**
	 * Whether both partners approved the latest version; if they did, the plan is
	 * approved with that version.
	 */
	public boolean approvedByBothPartners(String code, int year) {
		Community community = this.communities.get(code);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		List<PartnerDecision> decisions = history.decisionsOn(latest);
		boolean approved = community.partnerRepIds()
			.stream()
			.allMatch((partner) -> decisions.stream().anyMatch((d) -> d.partnerId().equals(partner) && d.approved()));
		if (approved) {
			this.plans.markApproved(history.plan().id(), latest.version(), this.clock.instant());
			log.info("Work plan of year {} of community {}: version {} approved by both partners", year, code,
					latest.version());
		}
		else {
			log.info("Work plan of year {} of community {}: version {} goes back for changes", year, code,
					latest.version());
		}
		return approved;
	}

	// the deadline: reminder and escalation
	// -------------------------------------------------------------------------------

	/**
	 * Mails every partner who has not decided on the latest version yet, once per
	 * version.
	 */
	public void remindPendingPartners(String code, int year) {
		Community community = this.communities.get(code);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		Instant deadline = latest.draftedAt().plus(Duration.ofDays(APPROVAL_DAYS));
		for (String partner : pendingPartners(community, history, latest)) {
			this.mail.remind(partner, community, year, latest, deadline.atZone(ZONE).toLocalDate());
			log.info("Work plan of year {} of community {}: partner {} reminded of version {}", year, code, partner,
					latest.version());
		}
	}

	/** Who has not decided, and since when: for the project manager to follow up. */
	public Map<String, Object> escalationForm(TaskContext task) {
		Community community = community(task);
		int year = year(task);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		String since = latest.draftedAt().atZone(ZONE).toLocalDate().toString();
		List<String> lines = pendingPartners(community, history, latest).stream()
			.map((partner) -> this.partners.label(partner) + ": ממתין/ה מאז · waiting since " + since)
			.toList();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("planTitle", title(community, year));
		values.put("planVersion", latest.version());
		values.put("pendingPartners", String.join("\n", lines));
		return values;
	}

	public Map<String, Object> escalate(TaskContext task, FormValues form) {
		Community community = community(task);
		int year = year(task);
		WorkPlanHistory history = existingHistory(community, year);
		PlanVersion latest = latest(history);
		List<String> pending = pendingPartners(community, history, latest);
		this.plans.insertEscalation(history.plan().id(), latest.version(), pending, form.text("escalationAction"),
				task.userId(), this.clock.instant());
		log.info("Work plan of year {} of community {}: overdue approval of version {} followed up by {}", year,
				community.code(), latest.version(), task.userId());
		return Map.of();
	}

	// the API: the plans and their history, the advisory committee's advice
	// --------------------------------------------------------

	/** Every plan of a community, year by year, with its history. */
	@Transactional(readOnly = true)
	public List<WorkPlanHistory> plans(String code) {
		Community community = this.communities.get(code);
		return this.plans.findAll(community.id()).stream().map(this::history).toList();
	}

	@Transactional(readOnly = true)
	public WorkPlanHistory plan(String code, int year) {
		return history(this.communities.get(code), year)
			.orElseThrow(() -> WorkPlanException.notFound("No work plan for year " + year + " of " + code));
	}

	/**
	 * Records a member of the advisory committee's advice on the latest version: the
	 * partners' approvals and the leader's next draft show it, those already open
	 * included. Advice only: nothing waits for it.
	 * @throws WorkPlanException naming each invalid field, or for an unknown plan or
	 * version
	 * @throws OutdatedVersionException for a version that is no longer the latest
	 */
	public void recordAdvice(String code, int year, int version, String memberName, String advice, String recordedBy) {
		List<FieldError> errors = new ArrayList<>();
		String member = text("memberName", memberName, NAME_LENGTH, errors);
		String text = text("advice", advice, TEXT_LENGTH, errors);
		if (!errors.isEmpty()) {
			throw WorkPlanException.invalid(errors);
		}
		Community community = this.communities.get(code);
		WorkPlanHistory history = plan(code, year);
		PlanVersion advised = history.version(version)
			.orElseThrow(() -> WorkPlanException
				.notFound("No version " + version + " of the work plan of year " + year + " of " + code));
		PlanVersion latest = latest(history);
		if (advised.version() != latest.version()) {
			throw new OutdatedVersionException(outdated(community, year, version, latest.version()));
		}
		this.plans.insertAdvice(advised.id(), member, text, recordedBy, this.clock.instant());
		String allAdvice = adviceText(existingHistory(community, year).adviceOn(advised));
		// the decision was the leader's (or a project manager's) to make: the open
		// approvals, which the leader may not read, and the open draft of this year's
		// plan are updated as the application
		this.asApplication.call(() -> {
			this.tasks.createTaskQuery()
				.processInstanceBusinessKey(code)
				.processDefinitionKey(WorkPlanApprovalProcess.KEY)
				.taskDefinitionKeyIn(WorkPlanApprovalProcess.APPROVE_WORK_PLAN, WorkPlanApprovalProcess.DRAFT_WORK_PLAN)
				.list()
				.stream()
				.filter((task) -> this.runtime.getVariable(task.getExecutionId(), PLAN_YEAR) instanceof Number planYear
						&& planYear.intValue() == year)
				.forEach((task) -> this.runtime.setVariableLocal(task.getExecutionId(), ADVISORY_ADVICE, allAdvice));
			return null;
		});
		log.info("Work plan of year {} of community {}: advice on version {} recorded by {}", year, code, version,
				recordedBy);
	}

	// --------------------------------------------------------------------------------------------------------------

	private Optional<WorkPlanHistory> history(Community community, int year) {
		return this.plans.find(community.id(), year).map(this::history);
	}

	private WorkPlanHistory history(WorkPlan plan) {
		return new WorkPlanHistory(plan, this.plans.versions(plan.id()), this.plans.decisions(plan.id()),
				this.plans.advice(plan.id()), this.plans.escalations(plan.id()));
	}

	private WorkPlanHistory existingHistory(Community community, int year) {
		return history(community, year).orElseThrow(() -> new IllegalStateException(
				"No work plan drafted for year " + year + " of community " + community.code()));
	}

	private static PlanVersion latest(WorkPlanHistory history) {
		return history.latest().orElseThrow(() -> new IllegalStateException("Work plan without a version"));
	}

	private static List<String> pendingPartners(Community community, WorkPlanHistory history, PlanVersion latest) {
		List<PartnerDecision> decisions = history.decisionsOn(latest);
		return community.partnerRepIds()
			.stream()
			.filter((partner) -> decisions.stream().noneMatch((d) -> d.partnerId().equals(partner)))
			.toList();
	}

	private static void putSections(Map<String, Object> values, PlanVersion version) {
		values.put("goals", version.goals());
		values.put("targets", version.targets());
		values.put("meetingsPlanned", version.meetingsPlanned());
		values.put("workTeams", version.workTeams());
		values.put("budgetLines", BudgetLines.format(version.budgetLines()));
	}

	/** What changed since the previous version: each changed section, as it was. */
	static String changesText(WorkPlanHistory history, PlanVersion version) {
		Optional<PlanVersion> previous = history.previous(version);
		if (previous.isEmpty()) {
			return "גרסה ראשונה · First version";
		}
		List<Section> changed = version.changedSince(previous.get());
		int before = previous.get().version();
		if (changed.isEmpty()) {
			return "ללא שינוי מגרסה " + before + " · Unchanged since version " + before;
		}
		StringBuilder text = new StringBuilder("שינויים מגרסה " + before + " · Changed since version " + before + ":");
		for (Section section : changed) {
			text.append("\n• ").append(section.label());
			if (section == Section.BUDGET) {
				text.append(": ")
					.append(BudgetLines.plain(previous.get().budgetTotal()))
					.append(" → ")
					.append(BudgetLines.plain(version.budgetTotal()));
			}
			text.append("\n  לפני · before: ").append(previous.get().content(section).replace("\n", "\n  "));
		}
		return text.toString();
	}

	private static String partnerComments(List<PartnerDecision> decisions) {
		StringBuilder text = new StringBuilder();
		for (PartnerDecision decision : decisions) {
			text.append(decision.partnerId())
				.append(decision.approved() ? ": אישר/ה · approved" : ": ביקש/ה שינויים · asked for changes")
				.append('\n');
			decision.comments()
				.forEach((section, comment) -> text.append("  ")
					.append(section.label())
					.append(": ")
					.append(comment)
					.append('\n'));
		}
		return blankToNull(text.toString());
	}

	private static String adviceText(List<Advice> advice) {
		StringBuilder text = new StringBuilder();
		advice.forEach((each) -> text.append(each.memberName()).append(": ").append(each.advice()).append('\n'));
		return blankToNull(text.toString());
	}

	/** No value rather than an empty text: the form then shows nothing. */
	private static String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

	static String title(Community community, int year) {
		return "תוכנית העבודה לשנה " + YEARS_HE.get(year - 1) + " · Year " + YEARS_EN.get(year - 1) + " work plan: "
				+ community.name() + " (" + community.code() + ")";
	}

	private static String outdated(Community community, int year, int outdated, int latest) {
		return "Version " + outdated + " of the work plan of year " + year + " of " + community.code()
				+ " is outdated: version " + latest + " is the one to decide on. Read version " + latest
				+ " and decide again.";
	}

	/**
	 * The version the decision was made on, as the form sends it back (a read-only field
	 * that a client may still change).
	 */
	private static Integer versionNumber(FormValues form) {
		try {
			BigDecimal version = form.decimal("planVersion");
			return (version != null) ? version.intValueExact() : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw InvalidFormException.of("planVersion", "must be the number of the version decided on");
		}
	}

	private static String text(String field, String value, int maxLength, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		if (value.strip().length() > maxLength) {
			errors.add(new FieldError(field, "must be at most " + maxLength + " characters long"));
		}
		return value.strip();
	}

	private Community community(TaskContext task) {
		return this.communities.get(task.communityCode());
	}

	private static int year(TaskContext task) {
		Object year = task.variable(PLAN_YEAR);
		if (!(year instanceof Number number) || number.intValue() < 1 || number.intValue() > 3) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no plan year 1-3: " + year);
		}
		return number.intValue();
	}

}
