package org.learningcommunities.lifecycle.system;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.system.RestAuthenticationConfiguration.PublicApplicationsAuthenticationFilter;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests under {@code /api} pass without a login: exactly a candidate's
 * application.
 */
class PublicApplicationsAuthenticationFilterTests {

	@Test
	void anApplicationNeedsNoLogin() {
		assertThat(isPublic("POST", "", "/api/communities/econ-dev-2026/applications")).isTrue();
		assertThat(isPublic("POST", "/lifecycle", "/lifecycle/api/communities/econ-dev-2026/applications")).isTrue();
	}

	@Test
	void everythingElseNeedsALogin() {
		assertThat(isPublic("GET", "", "/api/communities/econ-dev-2026/applications")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/econ-dev-2026/candidates")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/econ-dev-2026/candidates/7/withdrawal")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/econ-dev-2026/applications/7")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/econ-dev-2026/applications;x=y")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/../applications")).isFalse();
		assertThat(isPublic("POST", "", "/api/communities/a/b/applications")).isFalse();
		assertThat(isPublic("POST", "", "/engine-rest/communities/econ-dev-2026/applications")).isFalse();
		assertThat(isPublic("GET", "", "/api/communities")).isFalse();
	}

	private static boolean isPublic(String method, String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setContextPath(contextPath);
		return PublicApplicationsAuthenticationFilter.isPublic(request);
	}

}
