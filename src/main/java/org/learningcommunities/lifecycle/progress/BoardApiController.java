package org.learningcommunities.lifecycle.progress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.ApiProblems;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/board?stage=&field=&leader=&overdue=&page=&size=}: one page of the
 * progress board as JSON ({@link Board.Page}), for the user of the request: project
 * managers and administrators see every community, a leader or partner only theirs. The
 * same answer is at {@code /board/api/board} for a browser signed in to the board's
 * session (ADR 0015); {@code /api/board} takes HTTP basic, like all of {@code /api}.
 * <p>
 * {@code GET /api/board.csv} and {@code /board/export.csv}: every community matching the
 * same filters, one line each, as CSV in the reader's language (their choice, or
 * {@code ?lang=}).
 */
@RestController
class BoardApiController {

	private final BoardService board;

	private final Viewers viewers;

	private final PagePeople people;

	private final MessageSource messages;

	BoardApiController(BoardService board, Viewers viewers, PagePeople people, MessageSource messages) {
		this.board = board;
		this.viewers = viewers;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping({ "/api/board", "/board/api/board" })
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
			return invalid(errors);
		}
		return ResponseEntity.ok(this.board.page(filter, viewer));
	}

	@GetMapping({ "/api/board.csv", "/board/export.csv" })
	ResponseEntity<?> csv(@RequestParam(required = false) String stage, @RequestParam(required = false) String field,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String overdue,
			Locale locale) {
		Viewer viewer = this.viewers.current().orElse(null);
		if (viewer == null) {
			return ApiProblems.problem(HttpStatus.UNAUTHORIZED, "Sign in to see the board");
		}
		List<FieldError> errors = new ArrayList<>();
		BoardFilter filter = BoardFilter.parse(stage, field, leader, overdue, null, null, errors);
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		Board.Page page = this.board.page(filter.unpaged(), viewer);
		byte[] csv = BoardCsv.write(page,
				this.people.names(page.communities().stream().map(Board.Row::leader).toList(), locale), this.messages,
				locale);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("progress-board.csv").build().toString())
			.body(csv);
	}

	private static ResponseEntity<?> invalid(List<FieldError> errors) {
		return ApiProblems.invalid("Invalid fields: " + errors.stream()
			.map((error) -> "field '" + error.field() + "' " + error.message())
			.collect(Collectors.joining("; ")), errors);
	}

}
