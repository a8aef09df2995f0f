package org.learningcommunities.lifecycle.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page of our pages ({@code GET /login}), in Hebrew or English; Spring
 * Security takes the form's {@code POST /login} (ADR 0015).
 */
@Controller
class LoginPageController {

	@GetMapping(PageSecurityConfiguration.LOGIN)
	String login() {
		return "system/login";
	}

}
