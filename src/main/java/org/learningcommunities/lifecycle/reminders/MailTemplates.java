package org.learningcommunities.lifecycle.reminders;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The mail templates of {@code templates/mail/}: for each mail an HTML template
 * ({@code <name>.html}) and a plain-text one ({@code <name>.txt}), whose words come from
 * {@code messages/mail.properties} (English) and {@code messages/mail_he.properties}
 * (Hebrew, right to left). The subject is the message {@code mail.<name>.subject}.
 * <p>
 * A template engine of its own, apart from the one that renders pages, so that mail words
 * never mix with page words.
 */
@Component
public class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	MailTemplates() {
		this.messages.setBasename("messages/mail");
		this.messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		// a language without a bundle of its own is written to in English, never in the
		// server's language
		this.messages.setFallbackToSystemLocale(false);
		ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
		templates.setPrefix("templates/mail/");
		templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
		templates.setHtmlTemplateModePatterns(Set.of("*.html"));
		templates.setTextTemplateModePatterns(Set.of("*.txt"));
		templates.setTemplateMode(TemplateMode.HTML);
		templates.setCheckExistence(true);
		this.engine.setTemplateResolver(templates);
		this.engine.setTemplateEngineMessageSource(this.messages);
	}

	/**
	 * Renders one mail in a language.
	 * @param name the template's name, e.g. {@code candidate-admitted}
	 * @param language {@code he} or {@code en}
	 * @param variables what the templates show
	 * @param subjectArguments the arguments of the subject message
	 */
	public Mail render(String name, String language, Map<String, Object> variables, Object... subjectArguments) {
		Locale locale = Locale.forLanguageTag(language);
		Context context = new Context(locale, variables);
		String subject = this.messages.getMessage("mail." + name + ".subject", subjectArguments, locale);
		return new Mail(subject, this.engine.process(name + ".html", context),
				this.engine.process(name + ".txt", context));
	}

	/** A rendered mail: its subject, HTML part and plain-text part. */
	public record Mail(String subject, String html, String text) {
	}

}
