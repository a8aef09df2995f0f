package org.learningcommunities.lifecycle.progress;

import java.util.ArrayList;
import java.util.List;

import org.learningcommunities.lifecycle.system.ApiProblems;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/board?stage=&field=&leader=&overdue=&page=&size=}: one page of the
 * progress board as JSON ({@link Board.Page}), for the user of the request (HTTP basic,
 * like all of {@code /api}): project managers and administrators see every community, a
 * leader or partner only theirs.
 */
@RestController
class BoardApiController {

	private final BoardService board;

	private final Viewers viewers;

	BoardApiController(BoardService board, Viewers viewers) {
		this.board = board;
		this.viewers = viewers;
	}

	@GetMapping("/api/board")
	ResponseEntity<?> board(@RequestParam(required = false) String stage, @RequestParam(required = false) String field,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		Viewer viewer = this.viewers.current().orElse(null);
		if (viewer == null) {
			return ApiProblems.problem(HttpStatus.UNAUTHORIZED, "Sign in to see the board");
		}
		List<FieldError> errors = new ArrayList<>();
		BoardFilter filter = BoardFilter.parse(stage, field, leader, overdue, page, size, errors);
		if (!errors.isEmpty()) {
			return ApiProblems.invalid("Invalid fields: " + errors.stream()
				.map((error) -> "field '" + error.field() + "' " + error.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse(""), errors);
		}
		return ResponseEntity.ok(this.board.page(filter, viewer));
	}

}
