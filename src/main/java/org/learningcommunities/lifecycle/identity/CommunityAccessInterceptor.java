package org.learningcommunities.lifecycle.identity;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Applies {@link CommunityAccess#mayRead} to every request for one community's data under
 * {@code /api/communities/{code}}, whichever controller answers it, so a new endpoint
 * cannot forget it: a user who may not read the community gets the same 404 as for a
 * community that does not exist. The public application ({@code POST
 * /api/communities/{code}/applications}) is the one exception. Actions narrower than
 * reading (only the leader schedules a meeting) are checked by the controllers with
 * {@link CommunityAccess#mayLead}. Registered as a mapped interceptor bean of a plain
 * configuration, so controller slice tests ({@code @WebMvcTest}) leave it out and test
 * their controller alone.
 */
class CommunityAccessInterceptor implements HandlerInterceptor {

	private final CommunityAccess access;

	private final ObjectMapper json;

	CommunityAccessInterceptor(CommunityAccess access, ObjectMapper json) {
		this.access = access;
		this.json = json;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		MappedInterceptor communityAccessInterceptor(CommunityAccess access, ObjectMapper json) {
			return new MappedInterceptor(new String[] { "/api/communities/*", "/api/communities/*/**" },
					new CommunityAccessInterceptor(access, json));
		}

	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String code = (variables != null) ? variables.get("code") : null;
		if (code == null || isPublicApplication(request) || this.access.mayRead(code)) {
			return true;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No community with code " + code);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
		return false;
	}

	private static boolean isPublicApplication(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/applications");
	}

}
