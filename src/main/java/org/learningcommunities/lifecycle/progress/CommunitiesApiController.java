package org.learningcommunities.lifecycle.progress;

import java.util.List;

import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communities[/{code}]}: every community's stage, current step, open and
 * overdue tasks (contract). Authenticated by HTTP basic like the engine REST API; each
 * user lists the communities they may read (identity.CommunityAccess), and another
 * community answers 404.
 */
@RestController
@RequestMapping("/api/communities")
class CommunitiesApiController {

	private final CommunityProgressService progress;

	private final CommunityAccess access;

	CommunitiesApiController(CommunityProgressService progress, CommunityAccess access) {
		this.progress = progress;
		this.access = access;
	}

	@GetMapping
	List<CommunityProgressService.CommunitySummary> list() {
		List<String> readable = this.access.readableCodes();
		return this.progress.all()
			.stream()
			.filter((community) -> readable == null || readable.contains(community.code()))
			.toList();
	}

	@GetMapping("/{code}")
	ResponseEntity<?> one(@PathVariable String code) {
		return this.progress.find(code).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No community with code " + code);
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		});
	}

}
