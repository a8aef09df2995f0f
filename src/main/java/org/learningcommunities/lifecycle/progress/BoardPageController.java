package org.learningcommunities.lifecycle.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The progress board page, {@code GET /board} (signed in through the session, ADR 0015),
 * with the same filters and paging as {@code /api/board}. The page refreshes its rows
 * every 30 seconds from {@code GET /board/rows}, the same Thymeleaf fragment rendered
 * again, so the rows have one renderer.
 */
@Controller
class BoardPageController {

	static final String BOARD_VIEW = "progress/board";

	static final String ROWS_FRAGMENT = "progress/board :: rows";

	private final BoardService board;

	private final Viewers viewers;

	private final PagePeople people;

	BoardPageController(BoardService board, Viewers viewers, PagePeople people) {
		this.board = board;
		this.viewers = viewers;
		this.people = people;
	}

	@GetMapping("/board")
	String board(@RequestParam(required = false) String stage, @RequestParam(required = false) String field,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Locale locale,
			Model model) {
		BoardService.Choices choices = fill(model, stage, field, leader, overdue, page, size, locale, true);
		model.addAttribute("choices", choices);
		model.addAttribute("stages", Stage.values());
		return BOARD_VIEW;
	}

	@GetMapping("/board/rows")
	String rows(@RequestParam(required = false) String stage, @RequestParam(required = false) String field,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Locale locale,
			Model model) {
		fill(model, stage, field, leader, overdue, page, size, locale, false);
		return ROWS_FRAGMENT;
	}

	/** Fills the model; answers the filters' choices when asked for them. */
	private BoardService.Choices fill(Model model, String stage, String field, String leader, String overdue,
			String page, String size, Locale locale, boolean withChoices) {
		Viewer viewer = this.viewers.current().orElseThrow();
		List<FieldError> errors = new ArrayList<>();
		BoardFilter filter = BoardFilter.parse(stage, field, leader, overdue, page, size, errors);
		Board.Page board = this.board.page(filter, viewer);
		BoardService.Choices choices = withChoices ? this.board.choices(viewer) : null;
		model.addAttribute("viewer", viewer);
		model.addAttribute("filter", filter);
		model.addAttribute("errors", errors);
		model.addAttribute("board", board);
		model.addAttribute("filterQuery", query(filter));
		model.addAttribute("names", this.people.names(peopleOn(board, choices, viewer), locale));
		return choices;
	}

	/** Everyone the board's page names: leaders, partners, task owners, the viewer. */
	private static List<String> peopleOn(Board.Page board, BoardService.Choices choices, Viewer viewer) {
		Stream<String> rows = board.communities()
			.stream()
			.flatMap((row) -> Stream
				.of(Stream.of(row.leader(), row.foundationRep(), row.ministryRep()),
						row.tasks().stream().map(Board.Task::assignee),
						row.pendingApprovals().stream().flatMap((plan) -> plan.pendingPartners().stream()))
				.flatMap((ids) -> ids));
		Stream<String> leaders = (choices != null) ? choices.leaders().stream() : Stream.empty();
		return Stream.concat(Stream.concat(rows, leaders), Stream.of(viewer.userId())).toList();
	}

	/**
	 * The filters as a query string, without the page: the pager, the refresh and the CSV
	 * add to it.
	 */
	static String query(BoardFilter filter) {
		UriComponentsBuilder query = UriComponentsBuilder.newInstance();
		if (filter.stage() != null) {
			query.queryParam("stage", filter.stage().name());
		}
		if (filter.field() != null) {
			query.queryParam("field", filter.field());
		}
		if (filter.leader() != null) {
			query.queryParam("leader", filter.leader());
		}
		if (filter.overdue()) {
			query.queryParam("overdue", "true");
		}
		query.queryParam("size", filter.size());
		return query.encode().build().getQuery();
	}

}
