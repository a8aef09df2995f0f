package org.learningcommunities.lifecycle.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.identity.People;
import org.learningcommunities.lifecycle.recruitment.Candidate;
import org.learningcommunities.lifecycle.recruitment.CandidateStatus;
import org.learningcommunities.lifecycle.recruitment.RecruitmentService;
import org.learningcommunities.lifecycle.reminders.CalendarInvitations;
import org.learningcommunities.lifecycle.reminders.CalendarInvitations.Invitation;
import org.learningcommunities.lifecycle.reminders.MailService;
import org.learningcommunities.lifecycle.reminders.MailTemplates;
import org.learningcommunities.lifecycle.reminders.MailTemplates.Mail;
import org.learningcommunities.lifecycle.system.BilingualNames;
import org.springframework.stereotype.Service;

/**
 * What the community is told about a meeting: the notice a week before (the details and
 * an iCalendar invitation), and an update when the meeting moves or is cancelled after
 * the notice went out. The community is its admitted members (in the language they
 * applied in) and its leader (in theirs); each gets each mail once, however often its job
 * runs.
 * <p>
 * Mail keys: {@code meeting:<id>:notice:<email>},
 * {@code meeting:<id>:moved:<change>:<email>} and {@code meeting:<id>:cancelled:<email>}.
 * The invitation's {@code SEQUENCE} counts the mails the recipient had about the meeting
 * before, so each update replaces the event in their calendar.
 */
@Service
public class MeetingNotices {

	private static final Logger log = LoggerFactory.getLogger(MeetingNotices.class);

	static final String NOTICE = "meeting-notice";

	static final String MOVED = "meeting-moved";

	static final String CANCELLED = "meeting-cancelled";

	/**
	 * The timers counted from the meeting day ({@code meeting-day-arrived} is created
	 * anew by the message {@code meeting-moved}).
	 */
	private static final List<String> TIMERS_COUNTED_FROM_THE_DAY = List.of(CommunityMeetingProcess.MEETING_NOTICE_DUE,
			CommunityMeetingProcess.PLAN_MEETING_REMINDER, CommunityMeetingProcess.PLAN_MEETING_OVERDUE);

	private final MeetingRepository meetings;

	private final CommunityRepository communities;

	private final RecruitmentService recruitment;

	private final People people;

	private final MailTemplates templates;

	private final MailService mail;

	private final CalendarInvitations invitations;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final Clock clock;

	MeetingNotices(MeetingRepository meetings, CommunityRepository communities, RecruitmentService recruitment,
			People people, MailTemplates templates, MailService mail, CalendarInvitations invitations,
			RuntimeService runtime, ManagementService management, Clock clock) {
		this.meetings = meetings;
		this.communities = communities;
		this.recruitment = recruitment;
		this.people = people;
		this.templates = templates;
		this.mail = mail;
		this.invitations = invitations;
		this.runtime = runtime;
		this.management = management;
		this.clock = clock;
	}

	/**
	 * Sends the meeting's notice with its invitation to every member and the leader;
	 * nothing for a meeting that is no longer planned.
	 * @return how many mails went out now
	 * @throws org.springframework.mail.MailException when the mail server fails: the job
	 * is retried, and who got the notice is not written to again
	 */
	public int sendNotice(String code, long meetingId) {
		Community community = community(code);
		Meeting meeting = meeting(meetingId);
		if (meeting.status() != MeetingStatus.PLANNED) {
			log.info("Meeting {} of community {} is {}: no notice", meetingId, code, meeting.status());
			return 0;
		}
		int sent = 0;
		for (Recipient recipient : recipients(community)) {
			String key = prefix(meetingId) + "notice:" + recipient.email();
			sent += send(key, NOTICE, community, meeting, recipient, 0) ? 1 : 0;
		}
		log.info("Notice of meeting {} of community {}: {} mail(s) sent", meetingId, code, sent);
		return sent;
	}

	/**
	 * Tells whoever got the notice that the meeting moved (its new day) or was cancelled,
	 * with an invitation that updates or removes it in their calendar.
	 * @param changeId this change among the meeting's moves, the same when its job is
	 * retried
	 * @return how many mails went out now
	 */
	public int sendUpdate(String code, long meetingId, String changeId) {
		Community community = community(code);
		Meeting meeting = meeting(meetingId);
		boolean cancelled = meeting.status() == MeetingStatus.CANCELLED;
		int sent = 0;
		for (Recipient recipient : recipients(community)) {
			if (!this.mail.wasSent(prefix(meetingId) + "notice:" + recipient.email())) {
				continue;
			}
			String key = prefix(meetingId) + (cancelled ? "cancelled:" : "moved:" + changeId + ":") + recipient.email();
			if (this.mail.wasSent(key)) {
				continue;
			}
			int sequence = this.mail.countSent(prefix(meetingId), recipient.email());
			sent += send(key, cancelled ? CANCELLED : MOVED, community, meeting, recipient, sequence) ? 1 : 0;
		}
		log.info("Update of meeting {} of community {} ({}): {} mail(s) sent", meetingId, code,
				cancelled ? "cancelled" : "moved", sent);
		return sent;
	}

	/**
	 * The meeting moved: the timers of its notice, its planning reminders and their
	 * escalation move by as many days (a reminder cycle with every later firing), and the
	 * message {@code meeting-rescheduled} sends the update. Called by
	 * {@link MeetingService#move} as the application, in its transaction.
	 */
	void moved(String processInstanceId, LocalDate from, LocalDate to) {
		Duration shift = Duration.between(MeetingService.meetingDay(from).toInstant(),
				MeetingService.meetingDay(to).toInstant());
		for (String activityId : TIMERS_COUNTED_FROM_THE_DAY) {
			for (Job timer : this.management.createJobQuery()
				.processInstanceId(processInstanceId)
				.timers()
				.activityId(activityId)
				.list()) {
				this.management.setJobDuedate(timer.getId(), Date.from(timer.getDuedate().toInstant().plus(shift)),
						true);
			}
		}
		this.runtime.createMessageCorrelation(CommunityMeetingProcess.MEETING_RESCHEDULED)
			.processInstanceId(processInstanceId)
			.correlateWithResult();
	}

	private boolean send(String key, String template, Community community, Meeting meeting, Recipient recipient,
			int sequence) {
		String language = recipient.language();
		String date = this.templates.date(meeting.meetingDate(), language);
		String place = place(meeting, language);
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", recipient.name());
		variables.put("communityName", community.name());
		variables.put("topic", meeting.topic());
		variables.put("date", date);
		variables.put("place", place);
		variables.put("agenda", meeting.agenda());
		variables.put("reason", meeting.cancelReason());
		// who and what the members take on in years two and three (guide p.71)
		variables.put("fieldTour", meeting.kind() == MeetingKind.FIELD_TOUR);
		variables.put("partnerCommunity", (meeting.partnerCommunity() != null)
				? this.communities.findByCode(meeting.partnerCommunity()).map(Community::name).orElse(null) : null);
		variables.put("hostMember", memberName(community, meeting.hostMemberId()));
		variables.put("coPlanner", memberName(community, meeting.coPlannerId()));
		Mail rendered = NOTICE.equals(template)
				? this.templates.render(template, language, variables, date, meeting.topic())
				: this.templates.render(template, language, variables, meeting.topic(), date);
		Invitation invitation = new Invitation(this.invitations.uid("community-meeting-" + meeting.id()), sequence,
				CANCELLED.equals(template), meeting.meetingDate(),
				// in the recipient's language, as the mail is
				BilingualNames.in(meeting.topic(), language) + " · " + BilingualNames.in(community.name(), language),
				place, meeting.agenda(), recipient.email(), this.clock.instant());
		return this.mail.sendOnce(key, recipient.email(), rendered, this.invitations.attachment(invitation));
	}

	/** A member's full name, or {@code null} when no member is named. */
	private String memberName(Community community, Long candidateId) {
		if (candidateId == null) {
			return null;
		}
		return this.recruitment.candidates(community.code())
			.stream()
			.filter((candidate) -> candidate.id() == candidateId)
			.map(Candidate::fullName)
			.findFirst()
			.orElse(null);
	}

	/** The venue, else the host authority; or "online". */
	private String place(Meeting meeting, String language) {
		if (meeting.online()) {
			return this.templates.word("mail.meeting.online", "online", language);
		}
		return (meeting.venue() != null && !meeting.venue().isBlank()) ? meeting.venue() : meeting.host();
	}

	/** The admitted members and the leader, once per address. */
	private List<Recipient> recipients(Community community) {
		Map<String, Recipient> recipients = new LinkedHashMap<>();
		this.recruitment.candidates(community.code())
			.stream()
			.filter((candidate) -> candidate.status() == CandidateStatus.ADMITTED)
			.forEach((candidate) -> recipients.putIfAbsent(candidate.email().toLowerCase(Locale.ROOT),
					new Recipient(candidate.fullName(), candidate.email(), candidate.language())));
		this.people.person(community.leaderId())
			.filter(People.Person::hasEmail)
			.ifPresent((leader) -> recipients.putIfAbsent(leader.email().toLowerCase(Locale.ROOT),
					new Recipient(leader.displayName(), leader.email(), leader.language())));
		return List.copyOf(recipients.values());
	}

	private static String prefix(long meetingId) {
		return "meeting:" + meetingId + ":";
	}

	private Community community(String code) {
		return this.communities.findByCode(code)
			.orElseThrow(() -> new IllegalStateException("No community with code " + code));
	}

	private Meeting meeting(long meetingId) {
		return this.meetings.find(meetingId).orElseThrow(() -> new IllegalStateException("No meeting " + meetingId));
	}

	/** Someone the community's meeting mail goes to. */
	private record Recipient(String name, String email, String language) {
	}

}
