package org.learningcommunities.lifecycle.recruitment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.privacy.PrivacyNotice;
import org.learningcommunities.lifecycle.recruitment.CallForApplications.Status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The public application page, with the community and its call mocked. Authentication
 * (the filter in {@code system}) is not part of this slice: {@code ApplicationPageIT}
 * opens the page without a login.
 */
// Spring Security guards only /board and /login (system.PageSecurityConfiguration); no
// chain covers this path
@WebMvcTest(value = ApplicationPageController.class, excludeAutoConfiguration = SecurityAutoConfiguration.class)
@Import(ApplicationPageControllerTests.Notice.class)
class ApplicationPageControllerTests {

	private static final String CODE = "econ-dev-2026";

	private static final Community COMMUNITY = new Community(3L, CODE, "פיתוח כלכלי 2026", "Economic development",
			"leader", "Partner", "foundation", "ministry", LocalDate.of(2026, 1, 1), 35, Stage.YEAR_ONE, null);

	private static final CallForApplications CALL = new CallForApplications(9L, 3L, 1,
			"Join the economic development community", "Heads of economic development units",
			LocalDate.of(2026, 12, 31), Status.OPEN, "leader", null, null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private CommunityRepository communities;

	@MockitoBean
	private CallService calls;

	@MockitoBean
	private AskedQuestions asked;

	@Test
	void pageIsInHebrewRightToLeftByDefault() throws Exception {
		givenAnOpenCall();

		this.mvc.perform(get("/apply/{code}", CODE))
			.andExpect(status().isOk())
			.andExpect(view().name(ApplicationPageController.APPLY_VIEW))
			.andExpect(content().string(containsString("<html lang=\"he\" dir=\"rtl\">")))
			.andExpect(content().string(containsString("הגשת מועמדות לקהילה הלומדת פיתוח כלכלי 2026")))
			.andExpect(content().string(containsString("שם מלא")))
			.andExpect(content().string(containsString("<option value=\"judea-samaria\">יהודה ושומרון</option>")))
			.andExpect(content().string(containsString("href=\"/apply/econ-dev-2026?lang=en\"")));
	}

	@Test
	void pageShowsTheCallAndTheForm() throws Exception {
		givenAnOpenCall();

		this.mvc.perform(get("/apply/{code}", CODE))
			.andExpect(status().isOk())
			.andExpect(model().attribute("call", CALL))
			.andExpect(content().string(allOf(containsString("Join the economic development community"),
					containsString("Heads of economic development units"), containsString("31/12/2026"),
					containsString("data-action=\"/api/communities/econ-dev-2026/applications\""),
					containsString("<label for=\"fullName\">"), containsString("id=\"email\""),
					containsString("aria-describedby=\"email-error\""), containsString("id=\"motivation\""))))
			// the candidate's language defaults to the page's
			.andExpect(content().string(containsString("<option value=\"he\" selected=\"selected\">")));
	}

	@Test
	void pageIsInEnglishLeftToRightWhenAsked() throws Exception {
		givenAnOpenCall();

		this.mvc.perform(get("/apply/{code}", CODE).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\" dir=\"ltr\">")))
			.andExpect(content().string(containsString("Apply to the learning community פיתוח כלכלי 2026")))
			.andExpect(content().string(containsString("Full name")))
			.andExpect(content().string(containsString("<option value=\"en\" selected=\"selected\">")))
			.andExpect(content().string(containsString("href=\"/apply/econ-dev-2026?lang=he\"")));
	}

	@Test
	void unknownLanguageFallsBackToHebrew() throws Exception {
		givenAnOpenCall();

		this.mvc.perform(get("/apply/{code}", CODE).param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"he\" dir=\"rtl\">")));
	}

	@Test
	void unknownCommunityIsNotFound() throws Exception {
		given(this.communities.findByCode("no-such")).willReturn(Optional.empty());

		this.mvc.perform(get("/apply/{code}", "no-such"))
			.andExpect(status().isNotFound())
			.andExpect(view().name(ApplicationPageController.UNKNOWN_COMMUNITY_VIEW))
			.andExpect(content().string(containsString("dir=\"rtl\"")))
			.andExpect(content().string(containsString("לא מצאנו קהילה לומדת עם הקוד no-such")));
	}

	@Test
	void closedCallShowsNoForm() throws Exception {
		given(this.communities.findByCode(CODE)).willReturn(Optional.of(COMMUNITY));
		given(this.calls.acceptingApplications(3L)).willReturn(Optional.empty());

		this.mvc.perform(get("/apply/{code}", CODE).param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Applications to this community are closed")))
			.andExpect(content().string(not(containsString("<form"))));
	}

	@Test
	void privacyNoticeComesBeforeTheSendButtonWithTheBoxToConfirmIt() throws Exception {
		givenAnOpenCall();

		String page = this.mvc.perform(get("/apply/{code}", CODE).param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Your personal data",
				"Who holds it: Venture Ltd (test). Contact: privacy@venture.example.",
				"your application is erased 12 months after the decision",
				"the screening and interview notes after 6 months", "erased 24 months after the community ends",
				"to have it erased: write to privacy@venture.example.", "Notice version 2026-test",
				"Sector: asked only because", "Gender: asked only because");
		assertThat(page.indexOf("id=\"privacy-notice\"")).isPositive()
			.isLessThan(page.indexOf("id=\"privacyNoticeAccepted\""));
		assertThat(page.indexOf("id=\"privacyNoticeAccepted\"")).isLessThan(page.indexOf("<button type=\"submit\""));
		assertThat(page).containsPattern("<input type=\"checkbox\" id=\"privacyNoticeAccepted\"[^>]*required");
	}

	@Test
	void privacyNoticeIsInHebrewByDefault() throws Exception {
		givenAnOpenCall();

		this.mvc.perform(get("/apply/{code}", CODE))
			.andExpect(content()
				.string(allOf(containsString("המידע האישי שלך"), containsString("מי מחזיק במידע: Venture Ltd (test)"),
						containsString("קראתי את ההודעה על המידע האישי שלי"))));
	}

	@Test
	void sectorAndGenderAreNotAskedWhereTheMixDoesNotNeedThem() throws Exception {
		givenAnOpenCall();
		given(this.asked.of(3L)).willReturn(new AskedQuestions.Asked(false, false));

		String page = this.mvc.perform(get("/apply/{code}", CODE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).doesNotContain("id=\"sector\"", "id=\"gender\"", "privacy-why-sector", "privacy-why-gender")
			.contains("id=\"region\"", "id=\"privacyNoticeAccepted\"");
	}

	private void givenAnOpenCall() {
		given(this.communities.findByCode(CODE)).willReturn(Optional.of(COMMUNITY));
		given(this.calls.acceptingApplications(3L)).willReturn(Optional.of(CALL));
		given(this.asked.of(3L)).willReturn(new AskedQuestions.Asked(true, true));
	}

	@TestConfiguration
	static class Notice {

		@Bean
		PrivacyNotice privacyNotice() {
			return new PrivacyNotice("Venture Ltd (test)", "privacy@venture.example", "2026-test",
					new PrivacyNotice.Retention(Duration.ofDays(365), Duration.ofDays(180), Duration.ofDays(730)));
		}

	}

}
