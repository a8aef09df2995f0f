package org.learningcommunities.lifecycle.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of our pages: Hebrew (right to left) unless the request asks for English
 * with {@code ?lang=en}. Their words come from {@code messages/messages*.properties}
 * ({@code spring.messages.basename}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageParameterLocaleResolver();
	}

	/**
	 * The locale of the {@code lang} request parameter when it is one of ours, Hebrew
	 * otherwise. Nothing is kept between requests: each link carries its language.
	 */
	static class LanguageParameterLocaleResolver implements LocaleResolver {

		static final String PARAMETER = "lang";

		static final Locale DEFAULT = Locale.forLanguageTag("he");

		static final List<String> LANGUAGES = List.of("he", "en");

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			String language = request.getParameter(PARAMETER);
			return (language != null && LANGUAGES.contains(language)) ? Locale.forLanguageTag(language) : DEFAULT;
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			throw new UnsupportedOperationException("The language is chosen by the request parameter " + PARAMETER);
		}

	}

}
