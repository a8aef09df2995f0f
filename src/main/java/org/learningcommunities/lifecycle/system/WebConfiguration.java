package org.learningcommunities.lifecycle.system;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The language of our pages: Hebrew (right to left) unless the request asks for English
 * with {@code ?lang=en}, or an earlier request did (the {@code lang} cookie). Their words
 * come from {@code messages/messages*.properties} ({@code spring.messages.basename}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageParameterLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageCookieInterceptor());
	}

	/**
	 * The locale of the {@code lang} request parameter when it is one of ours, else of
	 * the {@code lang} cookie, Hebrew otherwise.
	 */
	static class LanguageParameterLocaleResolver implements LocaleResolver {

		static final String PARAMETER = "lang";

		static final String COOKIE = "lang";

		static final Locale DEFAULT = Locale.forLanguageTag("he");

		static final List<String> LANGUAGES = List.of("he", "en");

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			String language = request.getParameter(PARAMETER);
			if (language == null || !LANGUAGES.contains(language)) {
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
	 * Keeps the language a request chose with {@code ?lang=} in the {@code lang} cookie
	 * for a year, so the pages it links to (the board's filters, the community page) stay
	 * in it.
	 */
	static class LanguageCookieInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String language = request.getParameter(LanguageParameterLocaleResolver.PARAMETER);
			if (language != null && LanguageParameterLocaleResolver.LANGUAGES.contains(language)) {
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
