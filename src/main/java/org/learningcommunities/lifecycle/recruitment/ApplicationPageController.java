package org.learningcommunities.lifecycle.recruitment;

import java.util.Map;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public application page, {@code GET /apply/{code}} (no login): the community's open
 * call and the application form, in Hebrew (default) or English ({@code ?lang=en}). The
 * form is sent by the page's script to {@code POST /api/communities/{code}/applications}.
 */
@Controller
class ApplicationPageController {

	static final String APPLY_VIEW = "recruitment/apply";

	static final String UNKNOWN_COMMUNITY_VIEW = "recruitment/unknown-community";

	private final CommunityRepository communities;

	private final CallService calls;

	ApplicationPageController(CommunityRepository communities, CallService calls) {
		this.communities = communities;
		this.calls = calls;
	}

	@GetMapping("/apply/{code}")
	ModelAndView showApplicationForm(@PathVariable String code) {
		Community community = this.communities.findByCode(code).orElse(null);
		if (community == null) {
			return new ModelAndView(UNKNOWN_COMMUNITY_VIEW, Map.of("code", code), HttpStatus.NOT_FOUND);
		}
		ModelAndView page = new ModelAndView(APPLY_VIEW);
		page.addObject("community", community);
		this.calls.acceptingApplications(community.id()).ifPresent((call) -> page.addObject("call", call));
		page.addObject("regions", Application.REGIONS);
		page.addObject("sectors", Application.SECTORS);
		page.addObject("genders", Application.GENDERS);
		page.addObject("languages", Application.LANGUAGES);
		return page;
	}

}
