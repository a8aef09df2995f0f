package org.learningcommunities.lifecycle.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail templates, rendered without Spring: each mail in Hebrew (right to left) and
 * English, with an HTML and a plain-text part, and the same words in both bundles.
 */
class MailTemplatesTests {

	private static final Map<String, Object> VARIABLES = Map.of("fullName", "Dana <Levi>", "communityName",
			"פיתוח כלכלי");

	private final MailTemplates templates = new MailTemplates();

	@Test
	void hebrewMailIsWrittenRightToLeft() {
		Mail mail = this.templates.render("candidate-admitted", "he", VARIABLES, "פיתוח כלכלי");

		assertThat(mail.subject()).isEqualTo("התקבלת לקהילה הלומדת פיתוח כלכלי");
		assertThat(mail.html()).contains("lang=\"he\"", "dir=\"rtl\"", "direction: rtl", "שלום Dana &lt;Levi&gt;,",
				"שמחים לבשר לך שהתקבלת לקהילה הלומדת פיתוח כלכלי.");
		assertThat(mail.text()).startsWith("שלום Dana <Levi>,")
			.contains("התקבלת לקהילה הלומדת פיתוח כלכלי")
			.doesNotContain("<p>", "[(", "#{");
	}

	@Test
	void englishMailIsWrittenLeftToRight() {
		Mail mail = this.templates.render("candidate-declined", "en", VARIABLES, "פיתוח כלכלי");

		assertThat(mail.subject()).isEqualTo("Your application to the learning community פיתוח כלכלי");
		assertThat(mail.html()).contains("lang=\"en\"", "dir=\"ltr\"", "Dear Dana &lt;Levi&gt;,",
				"Thank you for applying to the learning community פיתוח כלכלי.");
		assertThat(mail.text()).startsWith("Dear Dana <Levi>,").doesNotContain("<p>");
	}

	@Test
	void bothLanguagesHaveTheSameWords() throws IOException {
		assertThat(bundle("messages/mail_he.properties").keySet())
			.isEqualTo(bundle("messages/mail.properties").keySet());
	}

	private static Properties bundle(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
