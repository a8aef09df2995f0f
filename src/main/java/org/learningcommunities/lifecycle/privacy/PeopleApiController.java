package org.learningcommunities.lifecycle.privacy;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/people?email=<address>} (project managers only): everything held about
 * one person, to answer their request to see it (docs/personal-data.md).
 */
@RestController
class PeopleApiController {

	private final PeopleService people;

	private final IdentityService identity;

	PeopleApiController(PeopleService people, IdentityService identity) {
		this.people = people;
		this.identity = identity;
	}

	@GetMapping("/api/people")
	ResponseEntity<?> heldAbout(@RequestParam(required = false) String email) {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.PROJECT_MANAGERS)) {
			return ApiProblems.problem(HttpStatus.FORBIDDEN, "Only project managers answer a person's request");
		}
		if (email == null || email.isBlank() || !email.contains("@")) {
			return ApiProblems.problem(HttpStatus.BAD_REQUEST, "The parameter email must be an email address");
		}
		Map<String, Object> held = this.people.heldAbout(email, user.getUserId());
		return ResponseEntity.ok(held);
	}

}
