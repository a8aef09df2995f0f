package org.learningcommunities.lifecycle.system;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the error answers of the engine's APIs show, the webapps' own engine API (where
 * Tasklist and Cockpit send their requests) as much as {@code /engine-rest}.
 */
class EngineErrorAnswersTests {

	private final EngineErrorAnswers filter = new EngineErrorAnswers();

	@Test
	void aServerErrorOfTheWebappsEngineApiIsAnsweredShortlyInHebrew() throws Exception {
		MockHttpServletResponse answer = send("/camunda/api/engine/engine/default/task/1/submit-form", 500,
				"{\"type\":\"NullPointerException\",\"message\":\"Cannot invoke \\\"java.util.List.size()\\\"\"}");

		assertThat(answer.getStatus()).isEqualTo(500);
		assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(
				"{\"type\":\"ServerError\",\"message\":\"משהו השתבש אצלנו ודבר לא השתנה; נא לנסות שוב מאוחר יותר.\"}");
		assertThat(answer.getContentLength()).isEqualTo(answer.getContentAsByteArray().length);
	}

	@Test
	void aClientErrorWithAnEngineCodeGetsTheMessageOfItsStatusInEnglishWhenAsked() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/engine-rest/task/1/variables/x");
		request.addHeader("Accept-Language", "en");

		MockHttpServletResponse answer = send(request, 400, "{\"type\":\"ProcessEngineException\",\"message\":"
				+ "\"ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited\"}");

		assertThat(answer.getContentAsString()).isEqualTo("{\"type\":\"InvalidRequestException\",\"message\":"
				+ "\"The request is not valid; check what you entered and try again.\"}");
	}

	@Test
	void ourOwnRefusalsKeepTheirMessage() throws Exception {
		String form = "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot submit task form 1: Invalid form: "
				+ "field 'needs' is required\"}";

		assertThat(send("/engine-rest/task/1/submit-form", 400, form).getContentAsString()).isEqualTo(form);
		assertThat(send("/engine-rest/task/1/complete", 409,
				"{\"type\":\"ConflictException\",\"message\":\"Someone else changed this\"}")
			.getContentAsString()).contains("Someone else changed this");
	}

	@Test
	void successfulAnswersAndOtherPathsStreamThroughUntouched() throws Exception {
		String tasks = "[{\"id\":\"1\",\"name\":\"java.lang.String Exception ENGINE-12345\"}]";

		assertThat(send("/engine-rest/task", 200, tasks).getContentAsString()).isEqualTo(tasks);
		assertThat(send("/api/communities", 500, "{\"message\":\"ENGINE-12345\"}").getContentAsString())
			.contains("ENGINE-12345");
	}

	private MockHttpServletResponse send(String path, int status, String body) throws Exception {
		return send(new MockHttpServletRequest("POST", path), status, body);
	}

	private MockHttpServletResponse send(MockHttpServletRequest request, int status, String body) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain api = (req, res) -> {
			HttpServletResponse http = (HttpServletResponse) res;
			http.setStatus(status);
			http.setContentType("application/json");
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			http.setContentLength(bytes.length);
			http.getOutputStream().write(bytes);
		};
		this.filter.doFilter(request, response, api);
		return response;
	}

}
