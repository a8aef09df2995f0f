package org.learningcommunities.lifecycle.recruitment;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.privacy.RecordAccessLog;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.identity.CommunityAccess;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON of applications and candidates, with the service mocked. Authentication (the
 * filter in {@code system}) is not part of this slice: {@code CandidateAdmissionIT}
 * checks which requests need a login.
 */
// Spring Security guards only /board and /login (system.PageSecurityConfiguration); no
// chain covers this path
@WebMvcTest(value = ApplicationsApiController.class, excludeAutoConfiguration = SecurityAutoConfiguration.class)
class ApplicationsApiControllerTests {

	private static final String CODE = "econ-dev-2026";

	private static final String APPLICATION = """
			{"fullName": "Dana Levi", "email": "dana@example.org", "authority": "Lod",
			 "role": "Head of economic development", "region": "center", "seniorityYears": 12,
			 "privacyNoticeAccepted": true}""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RecruitmentService recruitment;

	@MockitoBean
	private CommunityAccess access;

	@MockitoBean
	private RecordAccessLog accessLog;

	@Test
	void applicationIsAcceptedWithTheCandidatesId() throws Exception {
		given(this.recruitment.apply(eq(CODE), any())).willReturn(7L);

		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content(APPLICATION))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/communities/econ-dev-2026/candidates/7"))
			.andExpect(jsonPath("$.candidateId").value(7));
		verify(this.recruitment).apply(CODE, new Application("Dana Levi", "dana@example.org", "Lod",
				"Head of economic development", "center", null, null, 12, null, null, true));
	}

	@Test
	void invalidApplicationNamesEachField() throws Exception {
		given(this.recruitment.apply(eq(CODE), any())).willThrow(new InvalidApplicationException(List
			.of(new FieldError("fullName", "is required"), new FieldError("email", "must be a valid email address"))));

		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("fullName"))
			.andExpect(jsonPath("$.errors[0].message").value("is required"))
			.andExpect(jsonPath("$.errors[1].field").value("email"));
	}

	@Test
	void valueOfTheWrongTypeIsNamed() throws Exception {
		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"fullName\": \"Dana Levi\", \"seniorityYears\": \"many\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("seniorityYears"));
		verifyNoInteractions(this.recruitment);
	}

	@Test
	void wrongJsonTypesAreRefusedNamingTheFieldInTheUsersLanguage() throws Exception {
		String[][] cases = { { "\"fullName\": 42", "fullName", "השדה \"fullName\" חייב להיות טקסט." },
				{ "\"authority\": true", "authority", "השדה \"authority\" חייב להיות טקסט." },
				{ "\"role\": {\"an\": \"object\"}", "role", "השדה \"role\" חייב להיות טקסט." },
				{ "\"region\": [\"center\"]", "region", "השדה \"region\" חייב להיות טקסט." },
				{ "\"seniorityYears\": 5.5", "seniorityYears", "השדה \"seniorityYears\" חייב להיות מספר שלם." },
				{ "\"fullName\": \"Dana\\u0000\"", "fullName",
						"השדה \"fullName\" מכיל תו בקרה; נא להסיר אותו ולשלוח שוב." },
				{ "\"fullName\": \"\\u202Eanad\"", "fullName",
						"השדה \"fullName\" מכיל תו שהופך את כיוון הטקסט; נא להסיר אותו ולשלוח שוב." },
				{ "\"fullName\": \"\\u200B\\u200B\"", "fullName", "השדה \"fullName\" אינו מכיל תווים גלויים." } };
		for (String[] bad : cases) {
			this.mvc
				.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
					.content("{\"email\": \"dana@example.org\", " + bad[0] + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(bad[1]))
				.andExpect(jsonPath("$.errors[0].message").value(bad[2]));
		}
		this.mvc
			.perform(post("/api/communities/{code}/applications?lang=en", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"seniorityYears\": 5.5}"))
			.andExpect(jsonPath("$.errors[0].message").value("The field \"seniorityYears\" must be a whole number."));
		verifyNoInteractions(this.recruitment);
	}

	@Test
	void textIsTrimmedAndNormalizedBeforeTheServiceSeesIt() throws Exception {
		given(this.recruitment.apply(eq(CODE), any())).willReturn(7L);

		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content(APPLICATION.replace("\"Dana Levi\"", "\"  Rene\\u0301 Levi\\u00A0\"")))
			.andExpect(status().isCreated());
		verify(this.recruitment).apply(CODE, new Application("Ren\u00E9 Levi", "dana@example.org", "Lod",
				"Head of economic development", "center", null, null, 12, null, null, true));
	}

	@Test
	void bodyThatIsNotJsonIsRefused() throws Exception {
		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content("Dana Levi"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void applicationToAnUnknownCommunityIsNotFound() throws Exception {
		given(this.recruitment.apply(eq("nope"), any()))
			.willThrow(RecruitmentException.notFound("No community with code nope"));

		this.mvc
			.perform(post("/api/communities/{code}/applications", "nope").contentType(MediaType.APPLICATION_JSON)
				.content(APPLICATION))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No community with code nope"));
	}

	@Test
	void applicationToAClosedCallIsAConflict() throws Exception {
		given(this.recruitment.apply(eq(CODE), any())).willThrow(
				RecruitmentException.conflict("The call for applications of community econ-dev-2026 is not open"));

		this.mvc
			.perform(post("/api/communities/{code}/applications", CODE).contentType(MediaType.APPLICATION_JSON)
				.content(APPLICATION))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The call for applications of community econ-dev-2026 is not open"));
	}

	@Test
	void candidatesAreListedWithTheirStatus() throws Exception {
		given(this.recruitment.candidates(CODE)).willReturn(List.of(new Candidate(7, 1, 1, "Dana Levi",
				"dana@example.org", "Lod", "Head of economic development", "center", null, "female", 12, "he", null,
				CandidateStatus.INTERVIEW, null, Instant.parse("2026-11-25T10:00:00Z"), null)));

		this.mvc.perform(get("/api/communities/{code}/candidates", CODE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].candidateId").value(7))
			.andExpect(jsonPath("$[0].fullName").value("Dana Levi"))
			.andExpect(jsonPath("$[0].status").value("INTERVIEW"))
			.andExpect(jsonPath("$[0].appliedAt").value("2026-11-25T10:00:00Z"));
	}

	@Test
	void leaderWithdrawsACandidate() throws Exception {
		signedIn("leader", Groups.COMMUNITY_LEADERS);

		this.mvc
			.perform(post("/api/communities/{code}/candidates/{id}/withdrawal", CODE, 7)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Moved to another authority\"}"))
			.andExpect(status().isNoContent());
		verify(this.recruitment).withdraw(CODE, 7, "Moved to another authority");
	}

	@Test
	void partnerMayNotWithdrawACandidate() throws Exception {
		signedIn("foundation", Groups.PARTNERS);

		this.mvc
			.perform(post("/api/communities/{code}/candidates/{id}/withdrawal", CODE, 7)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.recruitment);
	}

	@Test
	void candidateDecidedAlreadyCannotWithdraw() throws Exception {
		signedIn("manager", Groups.PROJECT_MANAGERS);
		willThrow(RecruitmentException.conflict("Candidate 7 was already decided: DECLINED")).given(this.recruitment)
			.withdraw(CODE, 7, null);

		this.mvc.perform(post("/api/communities/{code}/candidates/{id}/withdrawal", CODE, 7))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Candidate 7 was already decided: DECLINED"));
	}

	/**
	 * Whether the signed-in user may act for the community decides
	 * (identity.CommunityAccess).
	 */
	private void signedIn(String user, String group) {
		given(this.access.mayLead(CODE)).willReturn(!Groups.PARTNERS.equals(group));
	}

}
