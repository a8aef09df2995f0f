package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP basic authentication, against Camunda's users, for the engine REST API and our
 * JSON API. The authenticated user is set on the engine for the request, so engine
 * authorizations apply to every call. One request needs no login: a candidate applying to
 * a community's call ({@code POST /api/communities/{code}/applications}, CONTRACT.md).
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfiguration {

	/** Where the authentication runs among the servlet filters. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 20;

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new PublicApplicationsAuthenticationFilter());
		registration.setName("rest-basic-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*", "/api/*");
		// before identity.EngineApiGuard, which reads the user this filter sets on the
		// engine (docs/adr/0021)
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * Camunda's filter, letting the public application request through without a login:
	 * exactly {@code POST} on {@code /api/communities/<code>/applications}, with a code
	 * as community codes are written. Any other method or path under {@code /api} still
	 * needs one.
	 */
	static class PublicApplicationsAuthenticationFilter extends ProcessEngineAuthenticationFilter {

		private static final Pattern PUBLIC_PATH = Pattern
			.compile("/api/communities/[a-z0-9]+(-[a-z0-9]+)*/applications");

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (isPublic((HttpServletRequest) request)) {
				chain.doFilter(request, response);
				return;
			}
			super.doFilter(request, response, chain);
		}

		static boolean isPublic(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return "POST".equals(request.getMethod()) && PUBLIC_PATH.matcher(path).matches();
		}

	}

}
