package org.learningcommunities.lifecycle.reminders;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.reminders.CalendarInvitations.Invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The invitations attached to meeting mail parse as valid RFC 5545 calendars (ical4j's
 * parser and validator, as a calendar client reads them).
 */
class CalendarInvitationsTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final CalendarInvitations invitations = new CalendarInvitations(
			"Learning Communities <no-reply@learning-communities.example>");

	@Test
	void invitationIsAValidDayLongEventForItsAttendee() throws Exception {
		String ics = this.invitations.ics(new Invitation(this.invitations.uid("community-meeting-7"), 0, false,
				LocalDate.of(2026, 12, 10), "כלכלה מקומית · פיתוח כלכלי", "עיריית לוד",
				"א׳ 09:00 פתיחה\nב׳ 10:00 תוכן מקצועי\nג׳ 13:30 מעבדת תוצר", "dana@example.org", NOW));

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

		assertThat(calendar.validate().hasErrors()).as("%s", calendar.validate()).isFalse();
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
		assertThat(value(event, Property.UID)).isEqualTo("community-meeting-7@learning-communities.example");
		assertThat(value(event, Property.DTSTART)).isEqualTo("20261210");
		assertThat(value(event, Property.DTEND)).isEqualTo("20261211");
		assertThat(value(event, Property.SUMMARY)).isEqualTo("כלכלה מקומית · פיתוח כלכלי");
		assertThat(value(event, Property.LOCATION)).isEqualTo("עיריית לוד");
		assertThat(value(event, Property.DESCRIPTION)).contains("ג׳ 13:30 מעבדת תוצר");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(event, Property.ATTENDEE)).isEqualTo("mailto:dana@example.org");
		assertThat(value(event, Property.ORGANIZER)).isEqualTo("mailto:no-reply@learning-communities.example");
		assertThat(ics).contains("\r\n").contains("DTSTART;VALUE=DATE:20261210");
	}

	@Test
	void cancellationRemovesTheSameEventWithAHigherSequence() throws Exception {
		String ics = this.invitations.ics(new Invitation(this.invitations.uid("community-meeting-7"), 2, true,
				LocalDate.of(2026, 12, 17), "Local economy", null, null, "omar@example.org", NOW));

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));

		assertThat(calendar.validate().hasErrors()).isFalse();
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
		VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
		assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("2");
		assertThat(event.getProperty(Property.LOCATION)).isEmpty();
	}

	@Test
	void aDayBeyondWhatACalendarHoldsIsRefusedClearly() {
		assertThat(CalendarInvitations.fitsACalendar(LocalDate.of(9999, 12, 30))).isTrue();
		assertThat(CalendarInvitations.fitsACalendar(LocalDate.of(9999, 12, 31))).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.invitations.ics(new Invitation("x@example.org", 0, false, LocalDate.of(9999, 12, 31),
					"Meeting", null, null, "dana@example.org", Instant.now())))
			.withMessageContaining("beyond what iCalendar holds");
	}

	@Test
	void attachmentIsTextCalendarWithItsMethod() {
		MailService.Attachment attachment = this.invitations.attachment(new Invitation("x@example.org", 1, false,
				LocalDate.of(2026, 12, 10), "Topic", null, null, "dana@example.org", NOW));

		assertThat(attachment.fileName()).isEqualTo("invitation.ics");
		assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
		assertThat(new String(attachment.content(), java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("BEGIN:VCALENDAR");
	}

	@Test
	void longHebrewLinesAreFoldedAtSeventyFiveOctetsNotCharacters() throws Exception {
		String topic = "מפגש הקהילה הלומדת לפיתוח כלכלי: נכסים מניבים, אזורי תעשייה ותיירות ברשויות הצפון";
		String ics = this.invitations.ics(new Invitation(this.invitations.uid("community-meeting-8"), 0, false,
				LocalDate.of(2026, 12, 10), topic, "עיריית כרמיאל, אולם המועצה", null, "dana@example.org", NOW));

		assertThat(ics.split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
				.as("octets of %s", line)
				.isLessThanOrEqualTo(75));
		VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
		assertThat(value(event, Property.SUMMARY)).isEqualTo(topic);
	}

	private static String value(VEvent event, String property) {
		return event.getProperty(property).orElseThrow().getValue();
	}

}
