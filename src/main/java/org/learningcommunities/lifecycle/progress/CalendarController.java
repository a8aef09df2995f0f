package org.learningcommunities.lifecycle.progress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Calendar feeds: the signed-in user's tokens at {@code /board/calendar} (create one for
 * a community or for all their communities, revoke one; POSTs carry the CSRF token), and
 * the feed itself at {@code GET /calendar/{token}.ics}, outside the login: the token is
 * the credential. An unknown token answers 404, a revoked one 410.
 */
@Controller
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarService calendars;

	private final Viewers viewers;

	private final PagePeople people;

	CalendarController(CalendarService calendars, Viewers viewers, PagePeople people) {
		this.calendars = calendars;
		this.viewers = viewers;
		this.people = people;
	}

	@GetMapping("/board/calendar")
	String tokens(@RequestParam(required = false) String community, Locale locale, Model model) {
		Viewer viewer = this.viewers.current().orElseThrow();
		model.addAttribute("viewer", viewer);
		model.addAttribute("names", this.people.names(List.of(viewer.userId()), locale));
		model.addAttribute("tokens", this.calendars.tokens(viewer));
		model.addAttribute("community", community);
		return "progress/calendar";
	}

	@PostMapping("/board/calendar/tokens")
	String create(@RequestParam(required = false) String community, RedirectAttributes redirect) {
		Viewer viewer = this.viewers.current().orElseThrow();
		String code = (community == null || community.isBlank()) ? null : community.strip();
		try {
			String token = this.calendars.create(viewer, code);
			redirect.addFlashAttribute("feedUrl",
					ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics").build(token));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("unknownCommunity", code);
		}
		return "redirect:/board/calendar";
	}

	@PostMapping("/board/calendar/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		Viewer viewer = this.viewers.current().orElseThrow();
		redirect.addFlashAttribute("revoked", this.calendars.revoke(viewer, id));
		return "redirect:/board/calendar";
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return this.calendars.feed(token)
			.map((feed) -> feed.gone() ? ResponseEntity.status(HttpStatus.GONE).body("This calendar feed was revoked.")
					: ResponseEntity.ok().contentType(TEXT_CALENDAR).body(feed.ics()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body("No such calendar feed."));
	}

}
