package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A community's work plans and their history, as JSON:
 * <ul>
 * <li>{@code GET /api/communities/{code}/work-plans}: every year's plan, each version
 * with its sections, budget lines, what changed, each partner's decision with comments
 * per section, and the advisory committee's advice; the escalations;</li>
 * <li>{@code GET /api/communities/{code}/work-plans/{year}}: one year's plan;</li>
 * <li>{@code POST /api/communities/{code}/work-plans/{year}/versions/{version}/advice}:
 * records a member of the advisory committee's advice on the version awaiting decisions;
 * 201.</li>
 * </ul>
 * A community's plans are read by administrators, project managers, its leader and its
 * partners' representatives (anyone else gets 404, identity.CommunityAccess); advice is
 * recorded by its leader, an administrator or a project manager. Anyone else gets 403.
 * Refusals are problem details: 400 lists each invalid field in {@code errors}, 404 an
 * unknown community, plan or version, 409 advice on an outdated version.
 */
@RestController
@RequestMapping("/api/communities/{code}/work-plans")
class WorkPlansApiController {

	private final WorkPlanService plans;

	private final CommunityAccess access;

	private final IdentityService identity;

	WorkPlansApiController(WorkPlanService plans, CommunityAccess access, IdentityService identity) {
		this.plans = plans;
		this.access = access;
		this.identity = identity;
	}

	@GetMapping
	ResponseEntity<?> plans(@PathVariable String code) {
		return ResponseEntity.ok(this.plans.plans(code).stream().map(PlanView::of).toList());
	}

	@GetMapping("/{year}")
	ResponseEntity<?> plan(@PathVariable String code, @PathVariable int year) {
		return ResponseEntity.ok(PlanView.of(this.plans.plan(code, year)));
	}

	@PostMapping("/{year}/versions/{version}/advice")
	ResponseEntity<?> advise(@PathVariable String code, @PathVariable int year, @PathVariable int version,
			@RequestBody NewAdvice advice) {
		if (!this.access.mayLead(code)) {
			return forbidden("Only the community's leader and project managers record the advisory committee's advice");
		}
		this.plans.recordAdvice(code, year, version, advice.memberName(), advice.advice(), currentUser());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/communities/{code}/work-plans/{year}")
			.buildAndExpand(code, year)
			.toUri();
		return ResponseEntity.created(location).build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> outdated(OutdatedVersionException ex) {
		return ApiProblems.problem(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownCommunity(NoSuchElementException ex) {
		return ApiProblems.problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return ApiProblems.unreadable(ex);
	}

	private String currentUser() {
		Authentication user = this.identity.getCurrentAuthentication();
		return (user != null) ? user.getUserId() : null;
	}

	private static ResponseEntity<ProblemDetail> forbidden(String detail) {
		return ApiProblems.problem(HttpStatus.FORBIDDEN, detail);
	}

	/** The body of an advice: who on the advisory committee advised, and what. */
	record NewAdvice(String memberName, String advice) {
	}

	/** A year's plan as the API shows it. */
	record PlanView(int year, WorkPlan.Status status, Integer approvedVersion, Instant approvedAt,
			List<VersionView> versions, List<Escalation> escalations) {

		static PlanView of(WorkPlanHistory history) {
			WorkPlan plan = history.plan();
			return new PlanView(plan.year(), plan.status(), plan.approvedVersion(), plan.approvedAt(),
					history.versions().stream().map((version) -> VersionView.of(history, version)).toList(),
					history.escalations());
		}

	}

	/** A version with what changed since the previous one, its decisions and advice. */
	record VersionView(int version, String draftedBy, Instant draftedAt, String goals, String targets,
			String meetingsPlanned, String workTeams, List<BudgetLine> budgetLines, BigDecimal budgetTotal,
			List<String> changedSections, List<DecisionView> decisions, List<AdviceView> advice) {

		static VersionView of(WorkPlanHistory history, PlanVersion version) {
			List<String> changed = history.previous(version)
				.map((previous) -> version.changedSince(previous).stream().map(Section::key).toList())
				.orElse(List.of());
			return new VersionView(version.version(), version.draftedBy(), version.draftedAt(), version.goals(),
					version.targets(), version.meetingsPlanned(), version.workTeams(), version.budgetLines(),
					version.budgetTotal(), changed,
					history.decisionsOn(version).stream().map(DecisionView::of).toList(),
					history.adviceOn(version).stream().map(AdviceView::of).toList());
		}

	}

	/**
	 * A partner's decision: {@code APPROVED} or {@code CHANGES_REQUESTED}, comments by
	 * section.
	 */
	record DecisionView(String partner, String decision, Map<String, String> comments, Instant decidedAt) {

		static DecisionView of(PartnerDecision decision) {
			Map<String, String> comments = new LinkedHashMap<>();
			decision.comments().forEach((section, comment) -> comments.put(section.key(), comment));
			return new DecisionView(decision.partnerId(), decision.approved() ? "APPROVED" : "CHANGES_REQUESTED",
					comments, decision.decidedAt());
		}

	}

	/** The advice of a member of the advisory committee. */
	record AdviceView(String memberName, String advice, String recordedBy, Instant recordedAt) {

		static AdviceView of(Advice advice) {
			return new AdviceView(advice.memberName(), advice.advice(), advice.recordedBy(), advice.recordedAt());
		}

	}

}
