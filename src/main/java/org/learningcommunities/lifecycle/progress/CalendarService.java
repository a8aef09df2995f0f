package org.learningcommunities.lifecycle.progress;

import java.net.URI;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.reminders.CalendarInvitations;
import org.learningcommunities.lifecycle.reminders.IcsText;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds (RFC 5545, written by ical4j) of meetings and deadlines: a community's,
 * or a user's over every community they see. A feed's URL carries a random token, not a
 * password; the table keeps only its SHA-256, and a revoked token is refused for good.
 * What a feed shows is decided when it is read, with the user's groups of that moment, in
 * the user's language. A deadline links to its task in the workspace by an absolute
 * address ({@code lifecycle.public-url} + {@code /tasks/<id>}): a calendar cannot open a
 * path of its own.
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

	private final People people;

	private final MessageSource messages;

	private final String publicUrl;

	private final Clock clock;

	CalendarService(CalendarTokenRepository tokens, CalendarFeedRepository feeds, CommunityPageService communities,
			CalendarInvitations invitations, IdentityService identity, People people, MessageSource messages,
			@Value("${lifecycle.public-url}") String publicUrl, Clock clock) {
		this.tokens = tokens;
		this.feeds = feeds;
		this.communities = communities;
		this.invitations = invitations;
		this.identity = identity;
		this.people = people;
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.clock = clock;
	}

	/** The workspace's page of a task, as an absolute address. */
	String taskUrl(String taskId) {
		return this.publicUrl + "/tasks/" + taskId;
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
		Locale locale = Locale.forLanguageTag(
				this.people.person(viewer.userId()).map(People.Person::language).orElse(People.DEFAULT_LANGUAGE));
		Calendar calendar = new Calendar().withProdId(PRODUCT_ID)
			.withDefaults()
			.withProperty(ImmutableMethod.PUBLISH)
			.withProperty(new XProperty("X-WR-CALNAME",
					(communityCode != null) ? word("calendar.feed.community", locale, communityCode)
							: word("calendar.feed.all", locale)))
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
					BilingualNames.in(meeting.topic(), locale) + " – "
							+ BilingualNames.in(meeting.communityName(), locale));
			event.replace(new DtStamp(now));
			// the same UID as the meeting's invitation mail (meetings.MeetingNotices), so
			// a calendar holds one event
			event.add(new Uid(this.invitations.uid("community-meeting-" + meeting.id())));
			event.add(new Location(meeting.online() ? word("board.online", locale) : meeting.host()));
			event.add(new Description(word("calendar.feed.meeting", locale, meeting.seq(), meeting.communityCode())));
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
			String url = taskUrl(task.taskId());
			VEvent event = new VEvent(task.due(), word("calendar.feed.due", locale,
					BilingualNames.in(task.name(), locale), BilingualNames.in(task.communityName(), locale)));
			event.replace(new DtStamp(now));
			event.add(new Uid(this.invitations.uid("task-" + task.taskId())));
			event.add(new Url(URI.create(url)));
			// calendars that ignore URL show the description, where the address is a link
			event.add(new Description(url));
			calendar.add(event);
		}
		return IcsText.of(calendar);
	}

	private String word(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
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
