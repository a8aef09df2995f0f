package org.learningcommunities.lifecycle.recruitment;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.privacy.RecordAccessLog;
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
 * The call for applications and its candidates, as JSON (contract):
 * <ul>
 * <li>{@code POST /api/communities/{code}/applications}: public (no login), a candidate
 * applies; 201 with the candidate's id;</li>
 * <li>{@code GET /api/communities/{code}/candidates[/{id}]}: the candidates and where
 * each stands; each read is recorded ({@link RecordAccessLog});</li>
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

	private final CommunityAccess access;

	private final RecordAccessLog accessLog;

	ApplicationsApiController(RecruitmentService recruitment, CommunityAccess access, RecordAccessLog accessLog) {
		this.recruitment = recruitment;
		this.access = access;
		this.accessLog = accessLog;
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
		List<Candidate> candidates = this.recruitment.candidates(code);
		if (!candidates.isEmpty()) {
			this.accessLog.candidatesRead(candidates.stream().map(Candidate::id).toList(),
					candidates.get(0).communityId(), "api");
		}
		return candidates.stream().map(CandidateView::of).toList();
	}

	@GetMapping("/candidates/{id}")
	CandidateView candidate(@PathVariable String code, @PathVariable long id) {
		Candidate candidate = this.recruitment.candidate(code, id);
		this.accessLog.candidatesRead(List.of(candidate.id()), candidate.communityId(), "api");
		return CandidateView.of(candidate);
	}

	@PostMapping("/candidates/{id}/withdrawal")
	ResponseEntity<?> withdraw(@PathVariable String code, @PathVariable long id,
			@RequestBody(required = false) Withdrawal withdrawal) {
		if (!this.access.mayLead(code)) {
			return ApiProblems.problem(HttpStatus.FORBIDDEN,
					"Only the community's leader and project managers withdraw its candidates");
		}
		this.recruitment.withdraw(code, id, (withdrawal != null) ? withdrawal.reason() : null);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return ApiProblems.unreadable(ex);
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
