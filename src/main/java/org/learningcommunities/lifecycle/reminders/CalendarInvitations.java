package org.learningcommunities.lifecycle.reminders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

import org.learningcommunities.lifecycle.reminders.MailService.Attachment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * iCalendar invitations (RFC 5545, with the methods of RFC 5546) for a day-long event,
 * written by ical4j: {@code REQUEST} for a new or changed event, {@code CANCEL} for a
 * cancelled one. The same {@code UID} with a higher {@code SEQUENCE} updates the event
 * the calendar holds. The organizer is the application's sender
 * ({@code lifecycle.mail.from}).
 */
@Component
public class CalendarInvitations {

	static final String PRODUCT_ID = "-//Learning Communities//community-lifecycle//EN";

	private final String organizer;

	CalendarInvitations(@Value("${lifecycle.mail.from}") String from) {
		try {
			this.organizer = new InternetAddress(from).getAddress();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("lifecycle.mail.from is not an address: " + from, ex);
		}
	}

	/** The last day an all-day event may start on (it ends the day after). */
	private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	/** A unique id for an event, under the sender's domain. */
	public String uid(String localPart) {
		return localPart + "@" + this.organizer.substring(this.organizer.indexOf('@') + 1);
	}

	/** The invitation as a mail attachment, {@code invitation.ics}. */
	public Attachment attachment(Invitation invitation) {
		String method = invitation.cancelled() ? "CANCEL" : "REQUEST";
		return new Attachment("invitation.ics", "text/calendar; charset=UTF-8; method=" + method,
				ics(invitation).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether an all-day event on the day can be written: iCalendar dates have four-digit
	 * years, and the event ends the next day (9999-12-31 would end in year 10000).
	 */
	public static boolean fitsACalendar(LocalDate day) {
		return day.getYear() >= 1 && day.isBefore(LAST_DAY);
	}

	/** The invitation as iCalendar text. */
	public String ics(Invitation invitation) {
		if (!fitsACalendar(invitation.day())) {
			throw new IllegalArgumentException(
					"Invitation " + invitation.uid() + " is on a day beyond what iCalendar holds: " + invitation.day());
		}
		VEvent event = new VEvent(invitation.day(), invitation.day().plusDays(1), invitation.summary());
		event.replace(new DtStamp(invitation.stamp()));
		event.add(new Uid(invitation.uid()));
		event.add(new Sequence(invitation.sequence()));
		if (invitation.location() != null) {
			event.add(new Location(invitation.location()));
		}
		if (invitation.description() != null) {
			event.add(new Description(invitation.description()));
		}
		event.add(new Organizer(URI.create("mailto:" + this.organizer)));
		event.add(new Attendee(URI.create("mailto:" + invitation.attendee())));
		event.add(invitation.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
		Calendar calendar = new Calendar().withProdId(PRODUCT_ID)
			.withDefaults()
			.withProperty(invitation.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
			.withComponent(event)
			.getFluentTarget();
		try {
			// an invalid calendar fails here, never in a calendar client
			ValidationResult validation = calendar.validate();
			if (validation.hasErrors()) {
				throw new IllegalStateException("Invalid invitation " + invitation.uid() + ": " + validation);
			}
			return IcsText.of(calendar);
		}
		catch (ValidationException ex) {
			throw new IllegalStateException("Invalid invitation " + invitation.uid() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A day-long event sent to one attendee.
	 *
	 * @param uid the event's id, the same in every update ({@link #uid(String)})
	 * @param sequence 0 for the first invitation, higher for each update
	 * @param cancelled {@code true} to remove the event from the attendee's calendar
	 * @param location where, if known
	 * @param description the details, if any
	 * @param attendee the attendee's email address
	 * @param stamp when the invitation was written
	 */
	public record Invitation(String uid, int sequence, boolean cancelled, LocalDate day, String summary,
			String location, String description, String attendee, Instant stamp) {
	}

}
