package org.learningcommunities.lifecycle.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.learningcommunities.lifecycle.recruitment.CallForApplications.Status;
import org.learningcommunities.lifecycle.recruitment.CohortCheck.Decision;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call for applications of a community, round by round: the leader drafts it, it
 * opens, and it closes at the end of its deadline day or earlier when the leader says so.
 * Called from year one's forms and delegates, inside the engine's transaction.
 */
@Service
@Transactional
public class CallService {

	private static final Logger log = LoggerFactory.getLogger(CallService.class);

	/**
	 * The field of draft-call that holds the deadline day (and names it when refused).
	 */
	static final String DEADLINE_FIELD = YearOneProcess.CALL_DEADLINE;

	static final String CLOSE_EARLY_FIELD = "closeCallEarly";

	private final CommunityService communities;

	private final CallRepository calls;

	private final CohortCheckRepository checks;

	private final Clock clock;

	CallService(CommunityService communities, CallRepository calls, CohortCheckRepository checks, Clock clock) {
		this.communities = communities;
		this.calls = calls;
		this.checks = checks;
		this.clock = clock;
	}

	// draft-call
	// -------------------------------------------------------------------------------------------------

	/**
	 * The professional field and the round; in a reopened round, the previous call to
	 * revise and why recruitment was reopened.
	 */
	public Map<String, Object> draftCallForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("professionalField", community.professionalField());
		values.put("callRound", this.calls.nextRound(community.id()));
		this.calls.latest(community.id()).ifPresent((previous) -> {
			values.put("callText", previous.callText());
			values.put("audience", previous.audience());
		});
		this.checks.latest(community.id())
			.filter((check) -> check.decision() == Decision.REOPENED)
			.ifPresent((check) -> values.put("reopenReason", reopenReason(check)));
		return values;
	}

	/**
	 * Stores the next round of the call as a draft; "Publish the call" opens it.
	 * @throws InvalidFormException naming {@code callDeadline} unless it is after today
	 */
	public Map<String, Object> draftCall(TaskContext task, FormValues form) {
		LocalDate deadline = form.date(DEADLINE_FIELD);
		LocalDate today = LocalDate.now(this.clock.withZone(CallForApplications.ZONE));
		if (!deadline.isAfter(today)) {
			throw InvalidFormException.of(DEADLINE_FIELD, "must be after today (" + today + ")");
		}
		long communityId = this.communities.get(task.communityCode()).id();
		int round = this.calls.nextRound(communityId);
		this.calls.insertDraft(communityId, round, form.text("callText"), form.text("audience"), deadline,
				task.userId());
		log.info("Call round {} drafted for community {} (task {})", round, task.communityCode(), task.taskKey());
		return Map.of();
	}

	// publish-call
	// -----------------------------------------------------------------------------------------------

	/**
	 * Opens the community's drafted call.
	 * @return when it closes by itself: the end of its deadline day
	 */
	public Instant publish(String communityCode) {
		long communityId = this.communities.get(communityCode).id();
		CallForApplications call = this.calls.latest(communityId, Status.DRAFT)
			.orElseThrow(() -> new IllegalStateException("No drafted call for community " + communityCode));
		this.calls.open(call.id(), this.clock.instant());
		Instant closesAt = call.closesAt();
		log.info("Call round {} of community {} opened until {}", call.round(), communityCode, closesAt);
		return closesAt;
	}

	// follow-applications
	// ----------------------------------------------------------------------------------------

	/** The open call's deadline day and the applications it received so far. */
	public Map<String, Object> followApplicationsForm(TaskContext task) {
		long communityId = this.communities.get(task.communityCode()).id();
		return this.calls.latest(communityId, Status.OPEN)
			.<Map<String, Object>>map((call) -> Map.of(DEADLINE_FIELD, call.deadline().toString(), "applicationsCount",
					this.calls.countApplications(call.id())))
			.orElse(Map.of());
	}

	/**
	 * The leader closes the call before its deadline ("Close the call" follows).
	 * @throws InvalidFormException naming {@code closeCallEarly} unless it is ticked
	 */
	public Map<String, Object> closeCallEarly(TaskContext task, FormValues form) {
		if (!form.flag(CLOSE_EARLY_FIELD)) {
			throw InvalidFormException.of(CLOSE_EARLY_FIELD, "must be ticked to close the call before its deadline");
		}
		log.info("Call of community {} closed early by {} (task {})", task.communityCode(), task.userId(),
				task.taskKey());
		return Map.of();
	}

	// the public application page
	// ----------------------------------------------------------------------------------

	/**
	 * The community's call while it takes applications: open, and its deadline day not
	 * over yet (the application API's rule).
	 */
	@Transactional(readOnly = true)
	public Optional<CallForApplications> acceptingApplications(long communityId) {
		Instant now = this.clock.instant();
		return this.calls.latest(communityId, Status.OPEN).filter((call) -> now.isBefore(call.closesAt()));
	}

	// close-call
	// -------------------------------------------------------------------------------------------------

	/** Closes the community's open call, if it still has one. */
	public void close(String communityCode) {
		long communityId = this.communities.get(communityCode).id();
		this.calls.latest(communityId, Status.OPEN).ifPresentOrElse((call) -> {
			this.calls.close(call.id(), this.clock.instant());
			log.info("Call round {} of community {} closed", call.round(), communityCode);
		}, () -> log.info("Community {} has no open call to close", communityCode));
	}

	private static String reopenReason(CohortCheck check) {
		StringBuilder reason = new StringBuilder();
		check.shortfalls().forEach((shortfall) -> reason.append(shortfall).append('\n'));
		if (check.notes() != null) {
			reason.append(check.notes());
		}
		return reason.toString().strip();
	}

}
