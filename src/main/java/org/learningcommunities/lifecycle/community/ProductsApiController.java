package org.learningcommunities.lifecycle.community;

import java.util.List;
import java.util.NoSuchElementException;

import org.learningcommunities.lifecycle.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/communities/{code}/products} (signed-in users): the products the
 * community registered with its year summaries, stage by stage, each with its type; 404
 * for an unknown community.
 */
@RestController
class ProductsApiController {

	private final CommunityService communities;

	ProductsApiController(CommunityService communities) {
		this.communities = communities;
	}

	@GetMapping("/api/communities/{code}/products")
	List<Product> products(@PathVariable String code) {
		return this.communities.products(code);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknown(NoSuchElementException ex) {
		return ApiProblems.problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

}
