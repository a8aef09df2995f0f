package org.learningcommunities.lifecycle.reminders;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.learningcommunities.lifecycle.system.BilingualNames;
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
 * (Hebrew, right to left). The subject is the message {@code mail.<name>.subject}. Every
 * HTML template fills the frame of {@code templates/mail/fragments/layout.html}
 * (language, direction, greeting, signature) with its own paragraphs, and gets the
 * subject as the variable {@code subject}. A name written in both languages (the
 * variables of {@link #NAMES}, the subject's arguments) is shown in the mail's language
 * only.
 * <p>
 * A template engine of its own, apart from the one that renders pages, so that mail words
 * never mix with page words.
 */
@Component
public class MailTemplates {

	/**
	 * The variables that hold names, which may be written in both languages; free text
	 * (an agenda, a reason) is shown as it was written.
	 */
	static final Set<String> NAMES = Set.of("communityName", "taskName", "topic", "partnerCommunity");

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
		Object[] arguments = new Object[subjectArguments.length];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = inLanguage(subjectArguments[i], language);
		}
		String subject = this.messages.getMessage("mail." + name + ".subject", arguments, locale);
		Map<String, Object> withSubject = new HashMap<>();
		variables
			.forEach((key, value) -> withSubject.put(key, NAMES.contains(key) ? inLanguage(value, language) : value));
		withSubject.put("subject", subject);
		Context context = new Context(locale, withSubject);
		return new Mail(subject, this.engine.process(name + ".html", context),
				this.engine.process(name + ".txt", context));
	}

	/**
	 * A name written in both languages ("פיתוח כלכלי · Economic development", a model's
	 * "מיון מועמד/ת / Screen candidate") in the mail's language only; any other value as
	 * it is.
	 */
	private static Object inLanguage(Object value, String language) {
		return (value instanceof String text) ? BilingualNames.in(text, language) : value;
	}

	/**
	 * A word of the mail bundles in a language, or the fallback when the bundle has no
	 * such key (a task key without a translated name shows the model's name).
	 */
	public String word(String code, String fallback, String language) {
		return this.messages.getMessage(code, null, fallback, Locale.forLanguageTag(language));
	}

	/** A day as the language writes it in full ({@code 10 December 2026}). */
	public String date(LocalDate day, String language) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag(language))
			.format(day);
	}

	/** A rendered mail: its subject, HTML part and plain-text part. */
	public record Mail(String subject, String html, String text) {
	}

}
