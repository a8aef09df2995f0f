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
	void aNameWrittenInBothLanguagesIsShownInTheMailsLanguageOnly() {
		Map<String, Object> variables = Map.of("name", "Lea", "taskName", "מיון מועמד/ת / Screen candidate",
				"communityName", "פיתוח כלכלי · Economic development", "due", "10 December 2026", "overdue", false,
				"taskUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1");

		Mail english = this.templates.render("task-reminder", "en", variables, "מיון מועמד/ת / Screen candidate",
				"פיתוח כלכלי · Economic development");
		Mail hebrew = this.templates.render("task-reminder", "he", variables, "מיון מועמד/ת / Screen candidate",
				"פיתוח כלכלי · Economic development");

		assertThat(english.subject()).isEqualTo("Reminder: Screen candidate · Economic development");
		assertThat(english.text()).contains("\"Screen candidate\"", "Economic development")
			.doesNotContain("פיתוח", "מיון");
		assertThat(hebrew.subject()).isEqualTo("תזכורת: מיון מועמד/ת · פיתוח כלכלי");
		assertThat(hebrew.text()).contains("פיתוח כלכלי").doesNotContain("Economic development", "Screen candidate");
	}

	@Test
	void reminderNamesTheTaskTheCommunityAndLinksToTheTask() {
		Map<String, Object> variables = Map.of("name", "Lea", "taskName", "מיון מועמד/ת", "communityName",
				"פיתוח כלכלי", "due", "10 בדצמבר 2026", "overdue", false, "taskUrl",
				"http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1");

		Mail mail = this.templates.render("task-reminder", "he", variables, "מיון מועמד/ת", "פיתוח כלכלי");

		assertThat(mail.subject()).isEqualTo("תזכורת: מיון מועמד/ת · פיתוח כלכלי");
		assertThat(mail.html())
			.contains("dir=\"rtl\"", "שלום Lea,", "צריכה להסתיים עד 10 בדצמבר 2026",
					"href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1\"")
			.doesNotContain("ועדיין פתוחה");
		assertThat(mail.text())
			.contains("לפתיחת המשימה: http://localhost:8080/camunda/app/tasklist/default/#/?task=t-1")
			.doesNotContain("Tasklist:")
			.doesNotContain("[#", "[/]");
	}

	@Test
	void overdueReminderInEnglishSaysTheTaskIsStillOpen() {
		Map<String, Object> variables = Map.of("name", "Maya", "taskName", "Screen candidate", "communityName",
				"Economic development", "due", "December 10, 2026", "overdue", true, "taskUrl", "http://x/#/?task=t-1");

		Mail mail = this.templates.render("task-reminder", "en", variables, "Screen candidate", "Economic development");

		assertThat(mail.subject()).isEqualTo("Reminder: Screen candidate · Economic development");
		assertThat(mail.text()).contains("was due on December 10, 2026 and is still open").doesNotContain("is due on");
	}

	@Test
	void wordsAndDatesFollowTheLanguage() {
		assertThat(this.templates.word("mail.meeting.online", "online", "he")).isEqualTo("מקוון");
		assertThat(this.templates.word("mail.no-such-word", "No such word", "he")).isEqualTo("No such word");
		assertThat(this.templates.date(java.time.LocalDate.of(2026, 12, 10), "en")).isEqualTo("December 10, 2026");
		assertThat(this.templates.date(java.time.LocalDate.of(2026, 12, 10), "he")).contains("2026", "10");
	}

	@Test
	void everyHtmlMailSharesTheFrame() {
		Mail notice = this.templates.render("meeting-notice", "en",
				Map.of("name", "Omar", "communityName", "Economic development", "date", "December 10, 2026", "topic",
						"Local economy", "place", "Lod", "agenda", "A 09:00 opening"),
				"December 10, 2026", "Local economy");

		assertThat(notice.html()).contains("<title>Community meeting on December 10, 2026: Local economy</title>",
				"Dear Omar,", "The Learning Communities in Local Government team", "A 09:00 opening");
		assertThat(notice.text()).contains("Where: Lod", "Agenda:");
	}

	@Test
	void noticeSaysWhatMembersTakeOnAndWithWhichCommunity() {
		Map<String, Object> variables = new java.util.HashMap<>(Map.of("name", "Omar", "communityName",
				"Economic development", "date", "December 10, 2026", "topic", "Industrial zones", "place", "Karmiel",
				"fieldTour", true, "partnerCommunity", "Welfare", "hostMember", "Dana Levi", "coPlanner", "Ron Cohen"));

		Mail notice = this.templates.render("meeting-notice", "en", variables, "December 10, 2026", "Industrial zones");
		Mail plain = this.templates.render(
				"meeting-notice", "en", Map.of("name", "Omar", "communityName", "Economic development", "date",
						"December 10, 2026", "topic", "Local economy", "place", "Lod", "fieldTour", false),
				"December 10, 2026", "Local economy");

		assertThat(notice.text()).contains("A field tour", "A meeting with the learning community Welfare",
				"Hosted by Dana Levi, a member of the community",
				"Planned together with Ron Cohen, a member of the community");
		assertThat(notice.html()).contains("A field tour", "Hosted by Dana Levi");
		assertThat(plain.text()).doesNotContain("field tour", "Hosted by", "Planned together", "meeting with");
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
