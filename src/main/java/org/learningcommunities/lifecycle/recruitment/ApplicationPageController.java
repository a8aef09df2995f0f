package org.learningcommunities.lifecycle.recruitment;

import java.util.Map;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.privacy.PrivacyNotice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public application page, {@code GET /apply/{code}} (no login): the community's open
 * call and the application form, in Hebrew (default) or English ({@code ?lang=en}). The
 * form is sent by the page's script to {@code POST /api/communities/{code}/applications}.
 * Before the send button, the privacy notice ({@link PrivacyNotice}) and the box the
 * candidate checks to confirm it; sector and gender only where the community's mix needs
 * them ({@link AskedQuestions}).
 */
@Controller
class ApplicationPageController {

	static final String APPLY_VIEW = "recruitment/apply";

	static final String UNKNOWN_COMMUNITY_VIEW = "recruitment/unknown-community";

	private final CommunityRepository communities;

	private final CallService calls;

	private final AskedQuestions asked;

	private final PrivacyNotice notice;

	ApplicationPageController(CommunityRepository communities, CallService calls, AskedQuestions asked,
			PrivacyNotice notice) {
		this.communities = communities;
		this.calls = calls;
		this.asked = asked;
		this.notice = notice;
	}

	@GetMapping("/apply/{code}")
	ModelAndView showApplicationForm(@PathVariable String code) {
		Community community = this.communities.findByCode(code).orElse(null);
		if (community == null) {
			return new ModelAndView(UNKNOWN_COMMUNITY_VIEW, Map.of("code", code), HttpStatus.NOT_FOUND);
		}
		ModelAndView page = new ModelAndView(APPLY_VIEW);
		page.addObject("community", community);
		this.calls.acceptingApplications(community.id()).ifPresent((call) -> {
			page.addObject("call", call);
			AskedQuestions.Asked asked = this.asked.of(community.id());
			page.addObject("askSector", asked.sector());
			page.addObject("askGender", asked.gender());
			page.addObject("notice", this.notice);
		});
		page.addObject("regions", Application.REGIONS);
		page.addObject("sectors", Application.SECTORS);
		page.addObject("genders", Application.GENDERS);
		page.addObject("languages", Application.LANGUAGES);
		return page;
	}

}
