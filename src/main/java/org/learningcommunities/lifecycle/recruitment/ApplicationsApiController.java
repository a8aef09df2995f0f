package org.learningcommunities.lifecycle.recruitment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
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
 * The call for applications and its candidates, as JSON (contract):
 * <ul>
 * <li>{@code POST /api/communities/{code}/applications}: public (no login), a candidate
 * applies; 201 with the candidate's id;</li>
 * <li>{@code GET /api/communities/{code}/candidates[/{id}]}: the candidates and where
 * each stands;</li>
 * <li>{@code POST /api/communities/{code}/candidates/{id}/withdrawal}: a leader or a
 * project manager withdraws a candidate; 204.</li>
 * </ul>
 * Refusals are problem details (RFC 7807): 400 lists each invalid field in
 * {@code errors}, 404 an unknown community or candidate, 409 a closed call, an email that
 * applied already or a candidate decided already.
 */
@RestController
@RequestMapping("/api/communities/{code}")
class ApplicationsApiController {

	private final RecruitmentService recruitment;

	private final IdentityService identity;

	ApplicationsApiController(RecruitmentService recruitment, IdentityService identity) {
		this.recruitment = recruitment;
		this.identity = identity;
	}

	@PostMapping("/applications")
	ResponseEntity<Map<String, Long>> apply(@PathVariable String code, @RequestBody Application application) {
		long candidateId = this.recruitment.apply(code, application);
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/communities/{code}/candidates/{id}")
			.buildAndExpand(code, candidateId)
			.toUri();
		return ResponseEntity.created(location).body(Map.of("candidateId", candidateId));
	}

	@GetMapping("/candidates")
	List<CandidateView> candidates(@PathVariable String code) {
		return this.recruitment.candidates(code).stream().map(CandidateView::of).toList();
	}

	@GetMapping("/candidates/{id}")
	CandidateView candidate(@PathVariable String code, @PathVariable long id) {
		return CandidateView.of(this.recruitment.candidate(code, id));
	}

	@PostMapping("/candidates/{id}/withdrawal")
	ResponseEntity<?> withdraw(@PathVariable String code, @PathVariable long id,
			@RequestBody(required = false) Withdrawal withdrawal) {
		if (!isLeaderOrProjectManager()) {
			return problem(HttpStatus.FORBIDDEN, "Only community leaders and project managers withdraw candidates");
		}
		this.recruitment.withdraw(code, id, (withdrawal != null) ? withdrawal.reason() : null);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidApplicationException ex) {
		return invalid(ex.getMessage(), ex.errors());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			return invalid("Invalid fields: field '" + field + "' has a value of the wrong type",
					List.of(new FieldError(field, "has a value of the wrong type")));
		}
		return invalid("The body is not a JSON object", List.of(new FieldError("body", "must be a JSON object")));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(RecruitmentException ex) {
		return problem((ex.kind() == RecruitmentException.Kind.NOT_FOUND) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
				ex.getMessage());
	}

	private boolean isLeaderOrProjectManager() {
		Authentication user = this.identity.getCurrentAuthentication();
		return user != null && user.getGroupIds() != null && (user.getGroupIds().contains(Groups.COMMUNITY_LEADERS)
				|| user.getGroupIds().contains(Groups.PROJECT_MANAGERS));
	}

	private static ResponseEntity<ProblemDetail> invalid(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid fields");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** The body of a withdrawal: why the candidate withdrew, if known. */
	record Withdrawal(String reason) {
	}

	/** A candidate as the API lists them. */
	record CandidateView(long candidateId, String fullName, String email, String authority, String role, String region,
			String sector, String gender, Integer seniorityYears, String language, CandidateStatus status,
			String statusReason, Instant appliedAt, Instant decidedAt) {

		static CandidateView of(Candidate candidate) {
			return new CandidateView(candidate.id(), candidate.fullName(), candidate.email(), candidate.authority(),
					candidate.role(), candidate.region(), candidate.sector(), candidate.gender(),
					candidate.seniorityYears(), candidate.language(), candidate.status(), candidate.statusReason(),
					candidate.appliedAt(), candidate.decidedAt());
		}

	}

}
