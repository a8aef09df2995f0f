package org.learningcommunities.lifecycle.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Members;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.ARRANGE_LOGISTICS;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.KEY;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.LEADER;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_CANCELLED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_DAY;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_ID;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.MEETING_MOVED;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.PLAN_DUE;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.PLAN_MEETING;
import static org.learningcommunities.lifecycle.meetings.CommunityMeetingProcess.ZONE;
import static org.learningcommunities.lifecycle.community.YearProcess.MEETING_CONCLUDED;

/**
 * A community's meetings (guide p.30-33): the rows of {@code lc_meeting} and the
 * {@code community-meeting} process of each, changed together in one transaction.
 * <p>
 * As in recruitment, the engine is moved here as the application, not as the signed-in
 * user: the API lets community leaders and project managers change meetings, and they
 * need no engine rights to start or message the process for it.
 */
@Service
@Transactional
public class MeetingService {

	private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

	private static final int TEXT_LENGTH = 200;

	private static final int REASON_LENGTH = 4000;

	/** The syllabus form's field: one meeting per line. */
	static final String SYLLABUS = "syllabus";

	/** How a line's columns are called in a refusal. */
	private static final Map<String, String> LINE_COLUMNS = Map.of("meetingDate", "day", "topic", "topic", "host",
			"host");

	/** About ten meetings a year; more than two a month is a mistake. */
	static final int SYLLABUS_SIZE = 24;

	private final MeetingRepository meetings;

	private final CommunityRepository communities;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final EngineAsApplication asApplication;

	private final Clock clock;

	private final MeetingNotices notices;

	private final Members members;

	MeetingService(MeetingRepository meetings, CommunityRepository communities, RuntimeService runtime,
			TaskService tasks, EngineAsApplication asApplication, Clock clock, MeetingNotices notices,
			Members members) {
		this.members = members;
		this.meetings = meetings;
		this.communities = communities;
		this.runtime = runtime;
		this.tasks = tasks;
		this.asApplication = asApplication;
		this.clock = clock;
		this.notices = notices;
	}

	// scheduling, moving, cancelling
	// ------------------------------------------------------------------------------

	/**
	 * Schedules a meeting and starts its {@code community-meeting} under the community's
	 * business key.
	 * @return the meeting's id
	 * @throws MeetingException naming each invalid field (a day before today, Israel
	 * time, is refused naming {@code meetingDate}), or for an unknown community
	 */
	public long schedule(String code, LocalDate meetingDate, String topic, String host, boolean online,
			boolean seminar) {
		Community community = community(code);
		List<FieldError> errors = problems(meetingDate, topic, host, online);
		if (!errors.isEmpty()) {
			throw MeetingException.invalid(errors);
		}
		String validTopic = topic.strip();
		String validHost = (online && blank(host)) ? "online" : host.strip();
		long meetingId = this.meetings.insert(community.id(), yearOf(community.stage()), meetingDate, validTopic,
				validHost, online, seminar, this.clock.instant());
		this.asApplication.call(() -> this.runtime.startProcessInstanceByKey(KEY, code,
				Variables.putValue(MEETING_ID, meetingId)
					// as every process of a community: Tasklist's filters show and sort
					// by it
					.putValue(CommunityLifecycleProcess.COMMUNITY_CODE, code)
					.putValue(LEADER, community.leaderId())
					.putValue(MEETING_DAY, meetingDay(meetingDate))
					.putValue(PLAN_DUE, planDue(meetingDate))));
		log.info("Meeting {} of community {} scheduled for {}", meetingId, code, meetingDate);
		return meetingId;
	}

	/**
	 * Lays out the year's syllabus (the form of {@code lay-out-syllabus}, one meeting per
	 * line, see {@link Syllabus}): schedules a meeting for each line, or none when any
	 * line is wrong.
	 * @throws InvalidFormException naming {@code syllabus}, with every wrong line
	 */
	public Map<String, Object> layOutSyllabus(TaskContext task, FormValues form) {
		List<String> problems = new ArrayList<>();
		List<Syllabus.Line> lines = Syllabus.parse(form.text(SYLLABUS), problems);
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add("needs at least one meeting");
		}
		else if (lines.size() > SYLLABUS_SIZE) {
			problems.add("may hold at most " + SYLLABUS_SIZE + " meetings");
		}
		Set<LocalDate> days = new HashSet<>();
		for (Syllabus.Line line : lines) {
			for (FieldError error : problems(line.meetingDate(), line.topic(), line.host(), line.online())) {
				problems
					.add("line " + line.number() + ": the " + LINE_COLUMNS.get(error.field()) + " " + error.message());
			}
			if (!days.add(line.meetingDate())) {
				problems.add("line " + line.number() + ": another meeting is on " + line.meetingDate());
			}
		}
		if (lines.stream().filter(Syllabus.Line::seminar).count() > 1) {
			problems.add("only one meeting may be the two-day seminar");
		}
		if (!problems.isEmpty()) {
			throw InvalidFormException.of(SYLLABUS, String.join("; ", problems));
		}
		for (Syllabus.Line line : lines) {
			schedule(task.communityCode(), line.meetingDate(), line.topic(), line.host(), line.online(),
					line.seminar());
		}
		log.info("Syllabus of community {} laid out: {} meetings", task.communityCode(), lines.size());
		return Map.of();
	}

	/**
	 * The year a meeting scheduled now belongs to: the year the community is in; during
	 * establishment year one, after the lifecycle the last year.
	 */
	static Stage yearOf(Stage communityStage) {
		return switch (communityStage) {
			case ESTABLISHMENT -> Stage.YEAR_ONE;
			case COMPLETED -> Stage.YEAR_THREE;
			default -> communityStage;
		};
	}

	/**
	 * The community's meetings not yet over, of whichever year: planned, or held without
	 * their knowledge product yet. Each year waits until none is left, so no year ends
	 * with a meeting open; a meeting scheduled beside the syllabus after its year counted
	 * (during the summary or the gate) is waited for by the next year, and its product is
	 * registered with the next year's summary ({@link MeetingProducts}). Read from the
	 * application's rows, not the engine's, because the syllabus starts its meetings in
	 * the transaction that then counts them, and an engine query does not see instances
	 * started in its own transaction.
	 */
	@Transactional(readOnly = true)
	public long countOpenMeetings(String code) {
		return this.meetings.findByCommunity(community(code).id())
			.stream()
			.filter((meeting) -> meeting.status() == MeetingStatus.PLANNED
					|| (meeting.status() == MeetingStatus.HELD && meeting.knowledgeProduct() == null))
			.count();
	}

	/**
	 * Tells the community's processes that a meeting is over (message
	 * {@code meeting-concluded}); nobody need be waiting.
	 */
	public void meetingConcluded(String code) {
		int told = this.asApplication.call(() -> this.runtime.createMessageCorrelation(MEETING_CONCLUDED)
			.processInstanceBusinessKey(code)
			.correlateAllWithResult()
			.size());
		log.debug("Meeting concluded in community {}: {} waiting process(es) told", code, told);
	}

	public List<Meeting> meetings(String code) {
		return this.meetings.findByCommunity(community(code).id());
	}

	/**
	 * Moves a planned meeting to another day: the planning tasks get the new due date, a
	 * meeting waiting for its day waits for the new one (message {@code meeting-moved}),
	 * and the notice and reminders follow the new day ({@link MeetingNotices#moved}).
	 * @throws MeetingException for a day before today (naming {@code meetingDate}), an
	 * unknown meeting, or a meeting held, cancelled or whose day has come (conflict)
	 */
	public void move(String code, long meetingId, LocalDate newDate) {
		Meeting meeting = plannedMeeting(code, meetingId);
		List<FieldError> errors = new ArrayList<>();
		checkDate(newDate, errors);
		if (!errors.isEmpty()) {
			throw MeetingException.invalid(errors);
		}
		String instance = instanceOf(code, meetingId);
		boolean waitingForTheDay = subscription(instance, MEETING_MOVED).isPresent();
		if (!waitingForTheDay && this.asApplication.call(() -> this.runtime.getActiveActivityIds(instance))
			.stream()
			.noneMatch((activity) -> PLAN_MEETING.equals(activity) || ARRANGE_LOGISTICS.equals(activity))) {
			throw MeetingException.conflict("The day of meeting " + meetingId + " has come: it can no longer move");
		}
		this.meetings.updateDate(meeting.id(), newDate);
		Date planDue = planDue(newDate);
		this.asApplication.call(() -> {
			this.runtime.setVariable(instance, MEETING_DAY, meetingDay(newDate));
			this.runtime.setVariable(instance, PLAN_DUE, planDue);
			for (Task task : this.tasks.createTaskQuery().processInstanceId(instance).list()) {
				task.setDueDate(planDue);
				this.tasks.saveTask(task);
			}
			if (waitingForTheDay) {
				this.runtime.createMessageCorrelation(MEETING_MOVED)
					.processInstanceBusinessKey(code)
					.processInstanceVariableEquals(MEETING_ID, meetingId)
					.correlateWithResult();
			}
			this.notices.moved(instance, meeting.meetingDate(), newDate);
			return null;
		});
		log.info("Meeting {} of community {} moved from {} to {}", meetingId, code, meeting.meetingDate(), newDate);
	}

	/**
	 * Cancels a planned meeting wherever its process stands (message
	 * {@code meeting-cancelled}).
	 * @param reason optional, up to 4000 characters
	 * @throws MeetingException for a reason too long, an unknown meeting, or a meeting
	 * held or cancelled already (conflict)
	 */
	public void cancel(String code, long meetingId, String reason) {
		String why = blank(reason) ? null : reason.strip();
		if (why != null && why.length() > REASON_LENGTH) {
			throw MeetingException
				.invalid(List.of(new FieldError("reason", "must be at most " + REASON_LENGTH + " characters long")));
		}
		plannedMeeting(code, meetingId);
		String instance = instanceOf(code, meetingId);
		this.meetings.cancel(meetingId, why);
		// While the meeting waits for its day, both the gateway's catch event and the
		// event subprocess subscribe to meeting-cancelled, and a correlation by business
		// key and meetingId finds two executions (ENGINE-13031): the message goes to one
		// subscription, the gateway's when it waits.
		EventSubscription subscription = subscription(instance, MEETING_CANCELLED)
			.orElseThrow(() -> new IllegalStateException(
					"Meeting " + meetingId + " of community " + code + " does not wait for " + MEETING_CANCELLED));
		this.asApplication.call(() -> {
			this.runtime.messageEventReceived(MEETING_CANCELLED, subscription.getExecutionId());
			return null;
		});
		log.info("Meeting {} of community {} cancelled", meetingId, code);
	}

	// the forms of the meeting's tasks
	// -------------------------------------------------------------------------------

	/**
	 * The meeting, read only, the planning sheet stored so far, its kind and the members
	 * who may host and co-plan it.
	 */
	public Map<String, Object> planningForm(TaskContext task) {
		Meeting meeting = meetingOf(task);
		Map<String, Object> values = context(meeting);
		values.put("members", Members.options(this.members.current(meeting.communityId())));
		values.put("meetingKind", meeting.kind().value());
		if (meeting.partnerCommunity() != null) {
			values.put("partnerCommunity", meeting.partnerCommunity());
		}
		if (meeting.hostMemberId() != null) {
			values.put("hostMember", meeting.hostMemberId().toString());
		}
		if (meeting.coPlannerId() != null) {
			values.put("coPlanner", meeting.coPlannerId().toString());
		}
		values.put("professionalGoals", meeting.professionalGoals());
		values.put("communityGoals", meeting.communityGoals());
		values.put("desiredProduct", meeting.desiredProduct());
		values.put("agenda", meeting.agenda());
		values.put("attachments", meeting.attachments());
		return values;
	}

	/**
	 * Stores the planning sheet, the meeting's kind and the members who host and co-plan
	 * it.
	 * @throws InvalidFormException naming {@code agenda} when it does not fit the day
	 * (see {@link Agenda}), {@code partnerCommunity} when a meeting between communities
	 * names none, an unknown one or this one, {@code hostMember} or {@code coPlanner}
	 * when they name someone who is not a current member
	 */
	public Map<String, Object> plan(TaskContext task, FormValues form) {
		Meeting meeting = meetingOf(task);
		List<FieldError> errors = new ArrayList<>();
		String agenda = form.text("agenda");
		List<String> missing = Agenda.missingParts(agenda);
		if (!missing.isEmpty()) {
			errors.add(new FieldError("agenda",
					"does not fit the day: each of the parts A (opening), B (professional content) and C (product lab)"
							+ " must begin a line, missing " + missing));
		}
		String kindValue = form.text("meetingKind");
		MeetingKind kind = (kindValue == null) ? MeetingKind.COMMUNITY : MeetingKind.ofValue(kindValue).orElse(null);
		if (kind == null) {
			errors.add(new FieldError("meetingKind", "must be community, field-tour or inter-community"));
		}
		Long partnerId = null;
		if (kind == MeetingKind.INTER_COMMUNITY) {
			String partner = form.text("partnerCommunity");
			Optional<Community> other = (partner == null) ? Optional.empty() : this.communities.findByCode(partner);
			if (partner == null) {
				errors.add(new FieldError("partnerCommunity", "is required for a meeting between communities"));
			}
			else if (other.isEmpty()) {
				errors.add(new FieldError("partnerCommunity", "names no community of the venture: " + partner));
			}
			else if (other.get().id() == meeting.communityId()) {
				errors.add(new FieldError("partnerCommunity", "must be another community than this one"));
			}
			else {
				partnerId = other.get().id();
			}
		}
		Map<Long, String> current = this.members.current(meeting.communityId());
		Long hostMember = member("hostMember", form.text("hostMember"), current, errors);
		Long coPlanner = member("coPlanner", form.text("coPlanner"), current, errors);
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		this.meetings.updatePlan(meeting.id(), form.text("professionalGoals"), form.text("communityGoals"),
				form.text("desiredProduct"), agenda, form.text("attachments"));
		this.meetings.updateKindAndMembers(meeting.id(), kind, partnerId, hostMember, coPlanner);
		log.info("Meeting {} of community {} planned: {}, hosted by member {}, co-planned by member {}", meeting.id(),
				task.communityCode(), kind, hostMember, coPlanner);
		return Map.of();
	}

	public Map<String, Object> logisticsForm(TaskContext task) {
		Meeting meeting = meetingOf(task);
		Map<String, Object> values = context(meeting);
		values.put("venue", meeting.venue());
		values.put("catering", meeting.catering());
		values.put("productionNotes", meeting.productionNotes());
		return values;
	}

	public Map<String, Object> arrangeLogistics(TaskContext task, FormValues form) {
		Meeting meeting = meetingOf(task);
		this.meetings.updateLogistics(meeting.id(), form.text("venue"), form.text("catering"),
				form.text("productionNotes"));
		return Map.of();
	}

	public Map<String, Object> attendanceForm(TaskContext task) {
		return context(meetingOf(task));
	}

	/** Stores attendance and feedback: the meeting was held. */
	public Map<String, Object> recordAttendance(TaskContext task, FormValues form) {
		Meeting meeting = meetingOf(task);
		this.meetings.recordAttendance(meeting.id(), form.integer("attendanceCount"), form.integer("satisfaction"),
				form.text("feedback"));
		log.info("Meeting {} of community {} held", meeting.id(), task.communityCode());
		return Map.of();
	}

	public Map<String, Object> knowledgeProductForm(TaskContext task) {
		Meeting meeting = meetingOf(task);
		Map<String, Object> values = context(meeting);
		values.put("knowledgeProduct", meeting.knowledgeProduct());
		values.put("productType", meeting.productType());
		return values;
	}

	public Map<String, Object> writeKnowledgeProduct(TaskContext task, FormValues form) {
		Meeting meeting = meetingOf(task);
		this.meetings.updateKnowledgeProduct(meeting.id(), form.text("knowledgeProduct"), form.text("productType"));
		return Map.of();
	}

	// helpers
	// ----------------------------------------------------------------------------------------------------

	/** The timer's date: the meeting day begins, Israel time. */
	static Date meetingDay(LocalDate meetingDate) {
		return Date.from(meetingDate.atStartOfDay(ZONE).toInstant());
	}

	/** The planning sheet and the logistics are due a week before the day. */
	static Date planDue(LocalDate meetingDate) {
		return meetingDay(meetingDate.minusDays(7));
	}

	/**
	 * The member a field names (a candidate id), or {@code null} when the field is empty.
	 */
	private static Long member(String field, String value, Map<Long, String> current, List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		if (!Members.allAmong(List.of(value), current)) {
			errors.add(new FieldError(field, "must be a current member of this community"));
			return null;
		}
		return Long.valueOf(value);
	}

	/** What is wrong with a meeting's day, topic and host; empty when nothing is. */
	private List<FieldError> problems(LocalDate meetingDate, String topic, String host, boolean online) {
		List<FieldError> errors = new ArrayList<>();
		checkDate(meetingDate, errors);
		text("topic", topic, errors);
		if (!(online && blank(host))) {
			if (blank(host)) {
				errors.add(new FieldError("host", "is required unless the meeting is online"));
			}
			else {
				text("host", host, errors);
			}
		}
		return errors;
	}

	private void checkDate(LocalDate date, List<FieldError> errors) {
		if (date == null) {
			errors.add(new FieldError("meetingDate", "is required"));
		}
		else if (date.isBefore(LocalDate.now(this.clock.withZone(ZONE)))) {
			errors.add(new FieldError("meetingDate", "must be today or later"));
		}
	}

	private static String text(String field, String value, List<FieldError> errors) {
		if (blank(value)) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		if (value.strip().length() > TEXT_LENGTH) {
			errors.add(new FieldError(field, "must be at most " + TEXT_LENGTH + " characters long"));
		}
		return value.strip();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private Community community(String code) {
		return this.communities.findByCode(code)
			.orElseThrow(() -> MeetingException.notFound("No community with code " + code));
	}

	private Meeting meetingOf(String code, long meetingId) {
		Community community = community(code);
		return this.meetings.find(meetingId)
			.filter((meeting) -> meeting.communityId() == community.id())
			.orElseThrow(() -> MeetingException.notFound("No meeting " + meetingId + " in community " + code));
	}

	private Meeting plannedMeeting(String code, long meetingId) {
		Meeting meeting = meetingOf(code, meetingId);
		if (meeting.status() != MeetingStatus.PLANNED) {
			throw MeetingException.conflict("Meeting " + meetingId + " was " + meeting.status().name().toLowerCase());
		}
		return meeting;
	}

	private Meeting meetingOf(TaskContext task) {
		Object id = task.variable(MEETING_ID);
		if (!(id instanceof Number number)) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no variable " + MEETING_ID);
		}
		return meetingOf(task.communityCode(), number.longValue());
	}

	/** The id of the meeting's running process. */
	private String instanceOf(String code, long meetingId) {
		ProcessInstance instance = this.asApplication.call(() -> this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(code)
			.variableValueEquals(MEETING_ID, meetingId)
			.singleResult());
		if (instance == null) {
			throw MeetingException.conflict("Meeting " + meetingId + " of community " + code + " is not running");
		}
		return instance.getId();
	}

	/**
	 * The instance's subscription to a message; the innermost one (the gateway's catch
	 * event before the event subprocess) when there are several.
	 */
	private Optional<EventSubscription> subscription(String instance, String message) {
		List<EventSubscription> found = this.asApplication.call(() -> this.runtime.createEventSubscriptionQuery()
			.processInstanceId(instance)
			.eventType("message")
			.eventName(message)
			.list());
		return found.stream()
			.filter((subscription) -> !CommunityMeetingProcess.MEETING_CANCELLED_IN_PLANNING
				.equals(subscription.getActivityId()))
			.findFirst()
			.or(() -> found.stream().findFirst());
	}

	/** The meeting as every form shows it, read only. */
	private static Map<String, Object> context(Meeting meeting) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("meetingDate", meeting.meetingDate().toString());
		values.put("topic", meeting.topic());
		values.put("host", meeting.host());
		return values;
	}

}
