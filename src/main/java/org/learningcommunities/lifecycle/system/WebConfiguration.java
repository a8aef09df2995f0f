package org.learningcommunities.lifecycle.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The language of our pages, exports and feeds: Hebrew (right to left) unless English is
 * chosen. The language switch on every page ({@code ?lang=en} or {@code ?lang=he}) is
 * remembered for the signed-in user ({@link UserLanguages}), so their phone and their
 * desktop speak the same language; before signing in, the {@code lang} cookie keeps it.
 * Their words come from {@code messages/messages*.properties}
 * ({@code spring.messages.basename}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final UserLanguages languages;

	private final ObjectProvider<IdentityService> identity;

	/**
	 * Without users (a web slice test) nobody has chosen a language: the parameter and
	 * the cookie decide.
	 */
	WebConfiguration(ObjectProvider<UserLanguages> languages, ObjectProvider<IdentityService> identity) {
		this.languages = languages.getIfAvailable(() -> NOBODY_CHOSE);
		this.identity = identity;
	}

	private static final UserLanguages NOBODY_CHOSE = new UserLanguages() {

		@Override
		public Optional<String> chosenLanguage(String userId) {
			return Optional.empty();
		}

		@Override
		public void chooseLanguage(String userId, String language) {
		}

	};

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageParameterLocaleResolver(this.languages, this::userId);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageCookieInterceptor(this.languages));
	}

	/**
	 * Who asks: the user signed in to our pages (Spring Security), else the user of an
	 * {@code /api} request (HTTP basic, authenticated by Camunda's filter).
	 */
	private Optional<String> userId() {
		return signedIn().or(() -> Optional.ofNullable(this.identity.getIfAvailable())
			.map(IdentityService::getCurrentAuthentication)
			.map((user) -> user.getUserId()));
	}

	/** The user signed in to our pages' session, if any. */
	static Optional<String> signedIn() {
		Authentication session = SecurityContextHolder.getContext().getAuthentication();
		return (session != null && session.isAuthenticated() && !(session instanceof AnonymousAuthenticationToken))
				? Optional.ofNullable(session.getName()) : Optional.empty();
	}

	/**
	 * The locale of the {@code lang} request parameter when it is one of ours, else the
	 * language the user chose, else the {@code lang} cookie's, Hebrew otherwise.
	 */
	static class LanguageParameterLocaleResolver implements LocaleResolver {

		static final String PARAMETER = "lang";

		static final String COOKIE = "lang";

		static final Locale DEFAULT = Locale.forLanguageTag("he");

		static final List<String> LANGUAGES = List.of("he", "en");

		private final UserLanguages languages;

		private final Supplier<Optional<String>> user;

		LanguageParameterLocaleResolver(UserLanguages languages, Supplier<Optional<String>> user) {
			this.languages = languages;
			this.user = user;
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			String language = request.getParameter(PARAMETER);
			if (language == null || !LANGUAGES.contains(language)) {
				language = this.user.get().flatMap(this.languages::chosenLanguage).orElse(null);
			}
			if (language == null) {
				Cookie cookie = WebUtils.getCookie(request, COOKIE);
				language = (cookie != null) ? cookie.getValue() : null;
			}
			return (language != null && LANGUAGES.contains(language)) ? Locale.forLanguageTag(language) : DEFAULT;
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			throw new UnsupportedOperationException("The language is chosen by the request parameter " + PARAMETER);
		}

	}

	/**
	 * Keeps the language a request chose with {@code ?lang=}: for the user signed in to
	 * our pages, in their settings; and in the {@code lang} cookie for a year, so that
	 * the login page and the pages it links to stay in it. An {@code /api} request's
	 * parameter speaks for that answer only.
	 */
	static class LanguageCookieInterceptor implements HandlerInterceptor {

		private final UserLanguages languages;

		LanguageCookieInterceptor(UserLanguages languages) {
			this.languages = languages;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String language = request.getParameter(LanguageParameterLocaleResolver.PARAMETER);
			if (language != null && LanguageParameterLocaleResolver.LANGUAGES.contains(language)) {
				Optional<String> user = signedIn();
				if (user.isPresent() && !user.flatMap(this.languages::chosenLanguage).equals(Optional.of(language))) {
					this.languages.chooseLanguage(user.get(), language);
				}
				ResponseCookie cookie = ResponseCookie.from(LanguageParameterLocaleResolver.COOKIE, language)
					.path("/")
					.maxAge(Duration.ofDays(365))
					.httpOnly(true)
					.sameSite("Lax")
					.build();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
			}
			return true;
		}

	}

}
