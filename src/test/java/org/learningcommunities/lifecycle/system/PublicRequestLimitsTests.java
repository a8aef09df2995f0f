package org.learningcommunities.lifecycle.system;

import java.time.Duration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of the public requests (rate per address, body size) and the logging of
 * refused forms, each on its own filter.
 */
class PublicRequestLimitsTests {

	@Test
	void applicationsBeyondTheRateOfAnAddressAreAnswered429WithRetryAfter() throws Exception {
		PublicApplicationLimits limits = new PublicApplicationLimits(3, 100, Duration.ofMinutes(10));

		for (int i = 0; i < 3; i++) {
			assertThat(send(limits, application("10.0.0.1")).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = send(limits, application("10.0.0.1"));

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 600L);
		assertThat(refused.getContentAsString()).contains("Too many requests");
		// another address has its own allowance, and signed-in requests are not limited
		assertThat(send(limits, application("10.0.0.2")).getStatus()).isEqualTo(200);
		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/communities/econ-dev-2026/candidates");
		other.setRemoteAddr("10.0.0.1");
		assertThat(send(limits, other).getStatus()).isEqualTo(200);
	}

	@Test
	void theApplicationPageIsLimitedToo() throws Exception {
		PublicApplicationLimits limits = new PublicApplicationLimits(100, 1, Duration.ofMinutes(1));
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/apply/econ-dev-2026");

		assertThat(send(limits, page).getStatus()).isEqualTo(200);
		assertThat(send(limits, new MockHttpServletRequest("GET", "/apply/econ-dev-2026")).getStatus()).isEqualTo(429);
	}

	@Test
	void bodiesOverTheLimitAreAnswered413() throws Exception {
		RequestSizeLimits limits = new RequestSizeLimits(10, 20);

		MockHttpServletRequest small = application("10.0.0.1");
		small.setContent("{\"a\":1}".getBytes());
		assertThat(send(limits, small).getStatus()).isEqualTo(200);
		MockHttpServletRequest publicLarge = application("10.0.0.1");
		publicLarge.setContent("{\"fullName\":\"Dana\"}".getBytes());
		assertThat(send(limits, publicLarge).getStatus()).isEqualTo(413);
		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/engine-rest/task/1/submit-form");
		form.setContent("{\"variables\":{\"needs\":{}}}".getBytes());
		assertThat(send(limits, form).getStatus()).isEqualTo(413);
	}

	@Test
	void bodiesToTheWebappsEngineApiAreLimitedToo() throws Exception {
		RequestSizeLimits limits = new RequestSizeLimits(10, 20);

		MockHttpServletRequest tasklistForm = new MockHttpServletRequest("POST",
				"/camunda/api/engine/engine/default/task/1/submit-form");
		tasklistForm.setContent("{\"variables\":{\"needs\":{}}}".getBytes());
		MockHttpServletResponse refused = send(limits, tasklistForm);
		assertThat(refused.getStatus()).isEqualTo(413);
		assertThat(refused.getContentAsString()).contains("larger than 20 bytes");
		MockHttpServletRequest small = new MockHttpServletRequest("POST", "/camunda/api/engine/engine/default/task");
		small.setContent("{}".getBytes());
		assertThat(send(limits, small).getStatus()).isEqualTo(200);
	}

	@Test
	void aRefusedFormIsNotLoggedAsAnEngineErrorButARealErrorIs() {
		RefusalLogging.RefusedFormFilter filter = new RefusalLogging.RefusedFormFilter();
		LoggerContext context = new LoggerContext();
		ch.qos.logback.classic.Logger engine = context.getLogger(RefusalLogging.ENGINE_CONTEXT_LOGGER);

		assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}",
				new Object[] { InvalidFormException.of("needs", "is required") }, null))
			.isEqualTo(FilterReply.DENY);
		assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}",
				new Object[] { new ProcessEngineException("a real failure") }, null))
			.isEqualTo(FilterReply.NEUTRAL);
		assertThat(filter.decide(null, context.getLogger("other"), Level.ERROR, "x", null,
				InvalidFormException.of("needs", "is required")))
			.isEqualTo(FilterReply.NEUTRAL);
	}

	private static MockHttpServletRequest application(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST",
				"/api/communities/econ-dev-2026/applications");
		request.setRemoteAddr(address);
		return request;
	}

	private static MockHttpServletResponse send(jakarta.servlet.Filter filter, MockHttpServletRequest request)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
