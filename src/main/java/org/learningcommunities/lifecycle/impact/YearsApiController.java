package org.learningcommunities.lifecycle.impact;

import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communities/{code}/years}: each year's summary and knowledge products,
 * the work teams of year two, the impact tracks of year three and the farewell, for
 * signed-in users; readable after the community is {@code COMPLETED} too. 404 for an
 * unknown community.
 */
@RestController
class YearsApiController {

	private final YearsService years;

	YearsApiController(YearsService years) {
		this.years = years;
	}

	@GetMapping("/api/communities/{code}/years")
	ResponseEntity<?> years(@PathVariable String code) {
		return this.years.years(code)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ApiProblems.problem(HttpStatus.NOT_FOUND, "No community with code " + code));
	}

}
