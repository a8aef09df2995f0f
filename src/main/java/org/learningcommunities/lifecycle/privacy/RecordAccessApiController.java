package org.learningcommunities.lifecycle.privacy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.privacy.RecordAccessLog.Access;
import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/record-access[?candidateId=<id>][&limit=<n>]}: who read whose record,
 * newest first (at most 1000), for administrators only.
 */
@RestController
class RecordAccessApiController {

	private static final int MAX_LIMIT = 1000;

	private final RecordAccessLog accessLog;

	private final IdentityService identity;

	RecordAccessApiController(RecordAccessLog accessLog, IdentityService identity) {
		this.accessLog = accessLog;
		this.identity = identity;
	}

	@GetMapping("/api/record-access")
	ResponseEntity<?> latest(@RequestParam(required = false) Long candidateId,
			@RequestParam(defaultValue = "100") int limit) {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.ADMINS)) {
			return ApiProblems.problem(HttpStatus.FORBIDDEN, "Only administrators read the record access log");
		}
		List<Access> reads = this.accessLog.latest(candidateId, Math.max(1, Math.min(limit, MAX_LIMIT)));
		return ResponseEntity.ok(reads);
	}

}
