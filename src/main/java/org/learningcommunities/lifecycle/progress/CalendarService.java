package org.learningcommunities.lifecycle.progress;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.learningcommunities.lifecycle.reminders.CalendarInvitations;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds (RFC 5545, written by ical4j) of meetings and deadlines: a community's,
 * or a user's over every community they see. A feed's URL carries a random token, not a
 * password; the table keeps only its SHA-256, and a revoked token is refused for good.
 * What a feed shows is decided when it is read, with the user's groups of that moment.
 */
@Service
@Transactional
public class CalendarService {

	private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

	static final String PRODUCT_ID = "-//Learning Communities//progress board//EN";

	/** How far back a feed shows meetings. */
	static final int PAST_DAYS = 90;

	private final SecureRandom random = new SecureRandom();

	private final CalendarTokenRepository tokens;

	private final CalendarFeedRepository feeds;

	private final CommunityPageService communities;

	private final CalendarInvitations invitations;

	private final IdentityService identity;

	private final Clock clock;

	CalendarService(CalendarTokenRepository tokens, CalendarFeedRepository feeds, CommunityPageService communities,
			CalendarInvitations invitations, IdentityService identity, Clock clock) {
		this.tokens = tokens;
		this.feeds = feeds;
		this.communities = communities;
		this.invitations = invitations;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * A new feed for the viewer, of one community they see or (code {@code null}) of all;
	 * answers the token, which is never shown again.
	 */
	public String create(Viewer viewer, String communityCode) {
		if (communityCode != null && this.communities.visible(communityCode, viewer).isEmpty()) {
			throw new IllegalArgumentException("No community " + communityCode);
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = this.tokens.insert(hash(token), viewer.userId(), communityCode, this.clock.instant());
		log.info("Calendar feed {} created for community {}", id, (communityCode != null) ? communityCode : "(all)");
		return token;
	}

	@Transactional(readOnly = true)
	public List<CalendarTokenRepository.Token> tokens(Viewer viewer) {
		return this.tokens.findByUser(viewer.userId());
	}

	public boolean revoke(Viewer viewer, long id) {
		boolean revoked = this.tokens.revoke(id, viewer.userId(), this.clock.instant());
		if (revoked) {
			log.info("Calendar feed {} revoked", id);
		}
		return revoked;
	}

	/**
	 * The feed of a token: absent for an unknown token, {@link Feed#gone()} for a revoked
	 * one.
	 */
	@Transactional(readOnly = true)
	public Optional<Feed> feed(String token) {
		Optional<CalendarTokenRepository.Token> found = this.tokens.findByHash(hash(token));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CalendarTokenRepository.Token feed = found.get();
		if (feed.revoked()) {
			return Optional.of(new Feed(true, null));
		}
		Set<String> groups = this.identity.createGroupQuery()
			.groupMember(feed.userId())
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
		Viewer viewer = new Viewer(feed.userId(), groups);
		if (feed.communityCode() != null && this.communities.visible(feed.communityCode(), viewer).isEmpty()) {
			// the user no longer sees that community
			return Optional.empty();
		}
		return Optional.of(new Feed(false, ics(feed.communityCode(), viewer)));
	}

	private String ics(String communityCode, Viewer viewer) {
		Instant now = this.clock.instant();
		LocalDate from = LocalDate.now(this.clock.withZone(BoardService.ZONE)).minusDays(PAST_DAYS);
		Calendar calendar = new Calendar().withProdId(PRODUCT_ID)
			.withDefaults()
			.withProperty(ImmutableMethod.PUBLISH)
			.withProperty(new XProperty("X-WR-CALNAME",
					(communityCode != null) ? "Learning community " + communityCode : "Learning communities"))
			.getFluentTarget();
		for (CalendarFeedRepository.FeedMeeting meeting : this.feeds.meetings(communityCode, viewer, from)) {
			if (!CalendarInvitations.fitsACalendar(meeting.day())) {
				// stored before dates were bounded: one such meeting must not make the
				// whole feed unreadable
				log.warn("Calendar feed leaves out meeting {} of community {}: its day is beyond what iCalendar holds",
						meeting.id(), meeting.communityCode());
				continue;
			}
			VEvent event = new VEvent(meeting.day(), meeting.day().plusDays(1),
					meeting.topic() + " – " + meeting.communityName());
			event.replace(new DtStamp(now));
			// the same UID as the meeting's invitation mail (meetings.MeetingNotices), so
			// a calendar holds one event
			event.add(new Uid(this.invitations.uid("community-meeting-" + meeting.id())));
			event.add(new Location(meeting.online() ? "online" : meeting.host()));
			event.add(new Description("Meeting " + meeting.seq() + " of " + meeting.communityCode()));
			event.add("CANCELLED".equals(meeting.status()) ? ImmutableStatus.VEVENT_CANCELLED
					: ImmutableStatus.VEVENT_CONFIRMED);
			calendar.add(event);
		}
		for (CalendarFeedRepository.FeedTask task : this.feeds.tasks(communityCode, viewer)) {
			if (communityCode == null && !task.ownedBy(viewer)) {
				// a user's own feed holds their deadlines, not every task of their
				// communities
				continue;
			}
			if (!CalendarInvitations.fitsACalendar(task.due().atZone(BoardService.ZONE).toLocalDate())) {
				log.warn(
						"Calendar feed leaves out task {} of community {}: its due date is beyond what iCalendar holds",
						task.taskId(), task.communityCode());
				continue;
			}
			// the feed is written in English ("Due:"): the English half of the model's
			// name
			VEvent event = new VEvent(task.due(),
					"Due: " + BilingualNames.english(task.name()) + " – " + task.communityName());
			event.replace(new DtStamp(now));
			event.add(new Uid(this.invitations.uid("task-" + task.taskId())));
			event.add(new Description(Board.TASKLIST_TASK + task.taskId()));
			calendar.add(event);
		}
		try {
			StringWriter out = new StringWriter();
			new CalendarOutputter(false).output(calendar, out);
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** A feed: gone (revoked), or its iCalendar text. */
	public record Feed(boolean gone, String ics) {
	}

}
