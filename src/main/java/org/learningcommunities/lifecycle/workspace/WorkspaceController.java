package org.learningcommunities.lifecycle.workspace;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's home page, the signed-in person's inbox ({@code GET /}, filtered by
 * {@code ?community=<code>} and {@code ?overdue=true}), and taking and releasing a task
 * ({@code POST /tasks/{id}/claim}, {@code /release}), which come back to the page they
 * were asked from with a notice in the person's words.
 */
@Controller
class WorkspaceController {

	static final String INBOX_VIEW = "workspace/inbox";

	private final Inbox inbox;

	private final WorkspaceService workspace;

	WorkspaceController(Inbox inbox, WorkspaceService workspace) {
		this.inbox = inbox;
		this.workspace = workspace;
	}

	@GetMapping("/")
	String inbox(@RequestParam(required = false) String community, @RequestParam(required = false) String overdue,
			Authentication authentication, Locale locale, Model model) {
		Worker worker = Worker.of(authentication);
		String shown = (community != null && !community.isBlank()) ? community : null;
		boolean overdueOnly = "true".equals(overdue);
		model.addAttribute("worker", worker);
		model.addAttribute("inbox", this.inbox.of(worker, shown, overdueOnly, locale));
		model.addAttribute("community", shown);
		model.addAttribute("overdueOnly", overdueOnly);
		return INBOX_VIEW;
	}

	@PostMapping("/tasks/{id}/claim")
	String claim(@PathVariable String id, @RequestParam(required = false) String back, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			this.workspace.claim(Worker.of(authentication), id);
			redirect.addFlashAttribute("notice", "workspace.taken");
		}
		catch (WorkspaceService.Refusal ex) {
			redirect.addFlashAttribute("refusal", TaskPageController.refusalMessage(ex.kind()));
		}
		return "redirect:" + back(back, id);
	}

	@PostMapping("/tasks/{id}/release")
	String release(@PathVariable String id, @RequestParam(required = false) String back, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			this.workspace.release(Worker.of(authentication), id);
			redirect.addFlashAttribute("notice", "workspace.released");
		}
		catch (WorkspaceService.Refusal ex) {
			redirect.addFlashAttribute("refusal", TaskPageController.refusalMessage(ex.kind()));
		}
		return "redirect:" + back(back, id);
	}

	/** Back to the task's page when asked from there, else to the inbox. */
	private static String back(String back, String taskId) {
		return "task".equals(back) ? "/tasks/" + taskId : "/";
	}

}
