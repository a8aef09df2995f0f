package org.learningcommunities.lifecycle.identity;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether a page shows links into Camunda's webapps (Tasklist, Cockpit): only to the
 * people who work with them, administrators and project managers. Leaders and partners do
 * all of their work in the workspace and never meet the engine's tools or words.
 */
@ControllerAdvice(annotations = Controller.class)
class EngineLinks {

	/** The groups whose pages link into the webapps. */
	private static final Set<String> GROUPS = Set.of(Groups.ADMINS, Groups.PROJECT_MANAGERS);

	@ModelAttribute("engineLinks")
	boolean engineLinks(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(GROUPS::contains);
	}

}
