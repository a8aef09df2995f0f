package org.learningcommunities.lifecycle.progress;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository.GateRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A community's page, {@code GET /board/communities/{code}[?year=]}, and its printable
 * three-year summary, {@code GET /board/communities/{code}/summary}. A community the
 * viewer may not see answers 404, as an unknown one does.
 */
@Controller
class CommunityPageController {

	private final CommunityPageService pages;

	private final Viewers viewers;

	private final PagePeople people;

	CommunityPageController(CommunityPageService pages, Viewers viewers, PagePeople people) {
		this.pages = pages;
		this.viewers = viewers;
		this.people = people;
	}

	@GetMapping("/board/communities/{code}")
	String community(@PathVariable String code, @RequestParam(required = false) Integer year, Locale locale,
			Model model) {
		Viewer viewer = this.viewers.current().orElseThrow();
		CommunityPage page = this.pages.page(code, viewer).orElseThrow(() -> notFound(code));
		int shown = (year != null) ? year : this.pages.thisYear();
		model.addAttribute("viewer", viewer);
		model.addAttribute("page", page);
		model.addAttribute("community", page.community());
		model.addAttribute("year", shown);
		model.addAttribute("years", CommunityPageService.years(page));
		model.addAttribute("attendance", CommunityPageService.attendance(page, shown));
		model.addAttribute("satisfaction", CommunityPageService.satisfaction(page, shown));
		model.addAttribute("names", this.people.names(peopleOn(page, viewer), locale));
		return "progress/community";
	}

	@GetMapping("/board/communities/{code}/summary")
	String summary(@PathVariable String code, Locale locale, Model model) {
		Viewer viewer = this.viewers.current().orElseThrow();
		CommunityPageService.Summary summary = this.pages.summary(code, viewer).orElseThrow(() -> notFound(code));
		model.addAttribute("viewer", viewer);
		model.addAttribute("summary", summary);
		model.addAttribute("community", summary.page().community());
		model.addAttribute("names", this.people.names(peopleOn(summary.page(), viewer), locale));
		return "progress/summary";
	}

	/** Everyone a community's page names: its people, task owners, gate deciders. */
	private static List<String> peopleOn(CommunityPage page, Viewer viewer) {
		Community community = page.community();
		return Stream
			.of(Stream.of(community.leaderId(), community.foundationRepId(), community.ministryRepId(),
					viewer.userId()), page.tasks().stream().map(Board.Task::assignee),
					page.gateDecisions().stream().map(GateRecord::decidedBy))
			.flatMap((ids) -> ids)
			.toList();
	}

	private static ResponseStatusException notFound(String code) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No community " + code);
	}

}
