package org.learningcommunities.lifecycle.progress;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communities[/{code}]}: every community's stage, current step, open and
 * overdue tasks (contract). Authenticated by HTTP basic like the engine REST API.
 */
@RestController
@RequestMapping("/api/communities")
class CommunitiesApiController {

	private final CommunityProgressService progress;

	CommunitiesApiController(CommunityProgressService progress) {
		this.progress = progress;
	}

	@GetMapping
	List<CommunityProgressService.CommunitySummary> list() {
		return this.progress.all();
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
