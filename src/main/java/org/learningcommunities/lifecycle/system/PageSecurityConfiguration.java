package org.learningcommunities.lifecycle.system;

import java.util.LinkedHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login, session and CSRF protection for our own pages, and only for them (ADR 0015): the
 * progress board under {@code /board/**} and the login and logout pages. Every other path
 * ({@code /camunda/**}, {@code /engine-rest/**}, {@code /api/**}, {@code /apply/**},
 * {@code /calendar/**}, {@code /actuator/**}) matches no chain of Spring Security and
 * keeps its own authentication: Camunda's webapp login, and HTTP basic through
 * {@link RestAuthenticationConfiguration} for {@code /engine-rest} and {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PageSecurityConfiguration {

	/** Where the sign-in form is shown and posted. */
	static final String LOGIN = "/login";

	@Bean
	SecurityFilterChain pageSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users) throws Exception {
		http.securityMatcher("/board", "/board/**", LOGIN, "/logout")
			.authenticationProvider(users)
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(LOGIN).permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.loginPage(LOGIN).defaultSuccessUrl("/board"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"))
			// a page without a session goes to the login form; the board's JSON answers
			// 401
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
			.httpBasic((basic) -> basic.disable());
		// CSRF protection, session fixation protection and security headers stay as
		// Spring Security sets them
		return http.build();
	}

	private static AuthenticationEntryPoint entryPoint() {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/board/api/**"),
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));
		return entryPoint;
	}

}
