package org.learningcommunities.lifecycle.system;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for the people who run the communities (ADR 0015, extended by ADR 0024): the
 * sign-in form at {@code /login} opens one session for the workspace ({@code /},
 * {@code /tasks/**}), the progress board ({@code /board/**}) and the Camunda webapps
 * ({@code /camunda/**}, single sign-on). The webapps take the session's user through
 * Camunda's {@link ContainerBasedAuthenticationFilter}, so a link into Tasklist or
 * Cockpit never asks again, and signing out of either ends the one session.
 * <p>
 * Every other path ({@code /engine-rest/**}, {@code /api/**}, {@code /apply/**},
 * {@code /calendar/**}, {@code /actuator/**}, static files) matches no chain of Spring
 * Security and keeps its own authentication: HTTP basic through
 * {@link RestAuthenticationConfiguration} for {@code /engine-rest} and {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PageSecurityConfiguration {

	/** Where the sign-in form is shown and posted. */
	static final String LOGIN = "/login";

	/** The webapps' own logout (Tasklist's, Cockpit's and Admin's menu), any engine. */
	private static final RequestMatcher WEBAPP_LOGOUT = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

	@Bean
	SecurityFilterChain pageSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users) throws Exception {
		// paths within the application, whichever servlet serves them: the webapps' REST
		// API is Camunda's own servlet (/camunda/api/*), not Spring MVC's
		http.securityMatcher(paths("/", "/tasks/**", "/board", "/board/**", LOGIN, "/logout", "/camunda/**"))
			.authenticationProvider(users)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(LOGIN).permitAll().anyRequest().authenticated())
			// back to the page that asked for the login (a link into Tasklist), else the
			// inbox
			.formLogin((form) -> form.loginPage(LOGIN).defaultSuccessUrl("/"))
			.logout((logout) -> logout
				.logoutRequestMatcher(new OrRequestMatcher(
						PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout"), WEBAPP_LOGOUT))
				.logoutSuccessHandler(logoutSuccess()))
			// the webapps guard their own requests with their own CSRF token
			// (X-XSRF-TOKEN, Camunda's CsrfPreventionFilter); Spring's would refuse them
			.csrf((csrf) -> csrf.ignoringRequestMatchers(paths("/camunda/**")))
			// a page without a session goes to the login form; JSON answers 401
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
			.httpBasic((basic) -> basic.disable());
		// session fixation protection and security headers stay as Spring Security sets
		// them
		return http.build();
	}

	/**
	 * The webapps see the user of the session: Camunda's container-based filter makes the
	 * session's principal (Spring Security's, through the request) their authenticated
	 * user, with the user's groups and the apps they may use, exactly as Camunda's own
	 * login would. It runs right after Spring Security's filters and before the webapps'
	 * own.
	 */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setName("webapp-single-sign-on");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				ContainerBasedAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/**
	 * After signing out: our pages go to the login form; the webapps' logout request (an
	 * XHR) is answered 204, and the app then shows its login route, which sends the user
	 * to ours (webjars/camunda/app/lifecycle/language.js).
	 */
	private static LogoutSuccessHandler logoutSuccess() {
		SimpleUrlLogoutSuccessHandler toLogin = new SimpleUrlLogoutSuccessHandler();
		toLogin.setDefaultTargetUrl(LOGIN + "?logout");
		LogoutSuccessHandler webapp = new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT);
		return (request, response, authentication) -> {
			if (WEBAPP_LOGOUT.matches(request)) {
				webapp.onLogoutSuccess(request, response, authentication);
			}
			else {
				toLogin.onLogoutSuccess(request, response, authentication);
			}
		};
	}

	private static RequestMatcher paths(String... patterns) {
		return new OrRequestMatcher(java.util.Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList());
	}

	private static AuthenticationEntryPoint entryPoint() {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		HttpStatusEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/board/api/**"), unauthorized);
		entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"), unauthorized);
		entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/tasks/*/form"), unauthorized);
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));
		return entryPoint;
	}

}
