package org.learningcommunities.lifecycle.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityLifecycleProcess;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.privacy.PrivacyConsents;
import org.learningcommunities.lifecycle.recruitment.CandidateRepository.OpenCall;
import org.learningcommunities.lifecycle.recruitment.CandidateRepository.Question;
import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_ADMIT;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECIDED;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.ADMISSION_DECISION;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_ID;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.CANDIDATE_WITHDREW;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.KEY;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.LEADER;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREENING_DECISION;
import static org.learningcommunities.lifecycle.recruitment.CandidateAdmissionProcess.SCREENING_SCREEN_OUT;

/**
 * A candidate's way from the application to admission (guide p.43): the rows in our
 * tables and the engine calls that go with them, in one transaction.
 * <p>
 * The engine is moved here as the application, not as the signed-in user: a leader who
 * decides a candidate, or a candidate who applies without logging in, needs no rights
 * over the community's other processes that wait for admissions.
 */
@Service
@Transactional
public class RecruitmentService {

	private static final Logger log = LoggerFactory.getLogger(RecruitmentService.class);

	/** Calls close at the end of their deadline day, Israel time. */

	private static final int REASON_LENGTH = 4000;

	private final CandidateRepository candidates;

	private final CommunityRepository communities;

	private final CandidateMail mail;

	private final RuntimeService runtime;

	private final EngineAsApplication asApplication;

	private final Clock clock;

	private final AskedQuestions asked;

	private final PrivacyConsents consents;

	RecruitmentService(CandidateRepository candidates, CommunityRepository communities, CandidateMail mail,
			RuntimeService runtime, EngineAsApplication asApplication, Clock clock, AskedQuestions asked,
			PrivacyConsents consents) {
		this.candidates = candidates;
		this.communities = communities;
		this.mail = mail;
		this.runtime = runtime;
		this.asApplication = asApplication;
		this.clock = clock;
		this.asked = asked;
		this.consents = consents;
	}

	// applying
	// ---------------------------------------------------------------------------------------------------

	/**
	 * Receives an application to the community's open call and starts the candidate's
	 * admission under the community's business key.
	 * @return the candidate's id
	 * @throws RecruitmentException for an unknown community (not found), a call that is
	 * not open or whose deadline passed, or an email that applied already (conflict)
	 * @throws InvalidApplicationException naming each invalid field
	 */
	public long apply(String code, Application application) {
		Community community = community(code);
		Application valid = application.normalized();
		List<FieldError> problems = new ArrayList<>(valid.problems());
		// Our page sends true or false. A client that follows the API without the field
		// (it
		// predates the notice) is taken, with no confirmation recorded: such a client
		// must show
		// the notice itself (docs/personal-data.md); false is refused.
		if (Boolean.FALSE.equals(valid.privacyNoticeAccepted())) {
			problems.add(new FieldError("privacyNoticeAccepted", "must be accepted"));
		}
		// sector and gender the community's mix does not need are not kept
		valid = this.asked.of(community.id()).keepAsked(valid);
		if (!problems.isEmpty()) {
			throw new InvalidApplicationException(problems);
		}
		OpenCall call = this.candidates.openCall(community.id())
			.orElseThrow(() -> RecruitmentException
				.conflict("The call for applications of community " + code + " is not open"));
		if (!this.clock.instant().isBefore(call.closesAt())) {
			throw RecruitmentException
				.conflict("The call for applications of community " + code + " closed on " + call.deadline());
		}
		Optional<Candidate> earlier = this.candidates.findByEmail(community.id(), valid.email());
		if (earlier.isPresent()) {
			return appliedAgain(community, call, earlier.get());
		}
		long candidateId;
		try {
			candidateId = this.candidates.insert(community.id(), call.id(), valid, this.clock.instant());
			if (Boolean.TRUE.equals(valid.privacyNoticeAccepted())) {
				this.consents.recordConsent(candidateId, this.clock.instant());
			}
		}
		catch (DuplicateKeyException ex) {
			// the same email applied at the same moment, in another transaction (the
			// sender's own two requests: an earlier application is found above)
			throw RecruitmentException
				.conflict("Your application was sent twice at the same moment; " + "the other one is being received");
		}
		this.asApplication.call(() -> this.runtime.startProcessInstanceByKey(KEY, code,
				Variables.putValue(CANDIDATE_ID, candidateId)
					// as every process of a community: Tasklist's filters show and sort
					// by it
					.putValue(CommunityLifecycleProcess.COMMUNITY_CODE, code)
					.putValue(LEADER, community.leaderId())));
		log.info("Application received for community {}: candidate {}", code, candidateId);
		return candidateId;
	}

	/**
	 * An application from an email that applied to the community already: answered as a
	 * new one would be (a candidate number, which no candidate carries), so that nobody
	 * learns from the answer whether someone applied; nothing else is stored, and the
	 * address is told by mail, once, in the language of its application.
	 */
	private long appliedAgain(Community community, OpenCall call, Candidate earlier) {
		long number = this.candidates.drawUnusedNumber(community.id(), call.id(), this.clock.instant());
		this.mail.tellAppliedAgain(earlier, community.name());
		log.info("Application for community {} from the address of candidate {}: answered as new, told by mail",
				community.code(), earlier.id());
		return number;
	}

	public List<Candidate> candidates(String code) {
		return this.candidates.findByCommunity(community(code).id());
	}

	public Candidate candidate(String code, long candidateId) {
		return candidateOf(community(code), candidateId);
	}

	// screening and interview: the forms of screen-candidate and interview-candidate
	// ----------------------------------------------------------------------------------

	/** The candidate, read only, and how they fit the agreed mix. */
	public Map<String, Object> screeningForm(TaskContext task) {
		Candidate candidate = candidateOf(task);
		Map<String, Object> values = candidateFields(candidate);
		values.put("mixFit", MixFit.describe(candidate, this.candidates.agreedMix(candidate.communityId()).orElse(null),
				this.candidates.admittedByGender(candidate.communityId())));
		return values;
	}

	/**
	 * Stores the screening: the candidate is invited to an interview or screened out.
	 * @return the screening decision for the gateway "Suitable?"
	 */
	public Map<String, Object> screen(TaskContext task, FormValues form) {
		Candidate candidate = candidateOf(task);
		String decision = form.text(SCREENING_DECISION);
		String notes = form.text("screeningNotes");
		boolean screenedOut = SCREENING_SCREEN_OUT.equals(decision);
		List<FieldError> errors = new ArrayList<>();
		if (!form.flag("partnersConsulted")) {
			// the guide: the first screening is done together with the partners
			errors
				.add(new FieldError("partnersConsulted", "must be checked: candidates are screened with the partners"));
		}
		if (screenedOut && notes == null) {
			errors.add(new FieldError("screeningNotes", "is required when screening a candidate out"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		this.candidates.insertScreening(candidate.id(), decision, notes, task.userId(), this.clock.instant());
		if (screenedOut) {
			// announced by candidate-admission's job once this is committed (ADR 0020)
			this.candidates.updateStatus(candidate.id(), CandidateStatus.SCREENED_OUT, notes, this.clock.instant());
		}
		else {
			this.candidates.updateStatus(candidate.id(), CandidateStatus.INTERVIEW, null, null);
		}
		log.info("Candidate {} of community {} screened: {}", candidate.id(), task.communityCode(), decision);
		return Map.of(SCREENING_DECISION, decision);
	}

	/** The candidate, read only, and the question bank. */
	public Map<String, Object> interviewForm(TaskContext task) {
		Map<String, Object> values = candidateFields(candidateOf(task));
		List<Question> questions = this.candidates.questions();
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < questions.size(); i++) {
			text.append(i + 1).append(". ").append(questions.get(i).textHe()).append('\n');
			text.append("   ").append(questions.get(i).textEn()).append('\n');
		}
		values.put("interviewQuestions", text.toString().strip());
		return values;
	}

	/**
	 * Stores the interview and the admission decision.
	 * @return the admission decision for the gateway "Admitted?"
	 */
	public Map<String, Object> interview(TaskContext task, FormValues form) {
		Candidate candidate = candidateOf(task);
		String decision = form.text(ADMISSION_DECISION);
		boolean admitted = ADMISSION_ADMIT.equals(decision);
		this.candidates.insertInterview(candidate.id(), form.text("interviewers"), form.text("interviewNotes"),
				form.integer("interviewScore"), decision, task.userId(), this.clock.instant());
		this.candidates.updateStatus(candidate.id(), admitted ? CandidateStatus.ADMITTED : CandidateStatus.DECLINED,
				null, this.clock.instant());
		// announced by candidate-admission's job once this is committed (ADR 0020)
		log.info("Candidate {} of community {} interviewed: {}", candidate.id(), task.communityCode(), decision);
		return Map.of(ADMISSION_DECISION, decision);
	}

	// telling the candidate, withdrawing
	// ---------------------------------------------------------------------------------

	/**
	 * Mails the candidate the outcome, in their language, once: called again (a retried
	 * job), it sends nothing more.
	 * @throws org.springframework.mail.MailException when the mail server fails: the job
	 * is retried
	 */
	public void tellCandidate(String code, long candidateId, boolean admitted) {
		Community community = community(code);
		this.mail.tell(candidateOf(community, candidateId), community.name(), admitted);
	}

	/**
	 * Withdraws a candidate wherever their admission stands: the interrupting event
	 * subprocess of {@code candidate-admission} records it ({@link #recordWithdrawal}).
	 * An admitted candidate whose admission has ended is recorded directly.
	 * @param reason optional, up to 4000 characters
	 * @throws RecruitmentException for an unknown community or candidate (not found), or
	 * a candidate who was screened out, declined or withdrew already (conflict)
	 * @throws InvalidApplicationException for a reason that is too long
	 */
	public void withdraw(String code, long candidateId, String reason) {
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null && why.length() > REASON_LENGTH) {
			throw new InvalidApplicationException(
					List.of(new FieldError("reason", "must be at most " + REASON_LENGTH + " characters long")));
		}
		Candidate candidate = candidateOf(community(code), candidateId);
		switch (candidate.status()) {
			case WITHDRAWN ->
				throw RecruitmentException.conflict("Candidate " + candidateId + " has already withdrawn");
			case SCREENED_OUT, DECLINED, LEFT -> throw RecruitmentException
				.conflict("Candidate " + candidateId + " was already decided: " + candidate.status());
			default -> {
				// applied, invited to an interview, or admitted: may withdraw
			}
		}
		this.candidates.updateStatusReason(candidateId, why);
		long running = this.asApplication.call(() -> this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.processInstanceBusinessKey(code)
			.variableValueEquals(CANDIDATE_ID, candidateId)
			.count());
		if (running > 0) {
			this.asApplication.call(() -> this.runtime.createMessageCorrelation(CANDIDATE_WITHDREW)
				.processInstanceBusinessKey(code)
				.processInstanceVariableEquals(CANDIDATE_ID, candidateId)
				.correlateWithResult());
		}
		else {
			// an admitted candidate whose admission has ended: no job of theirs is left
			// to
			// announce it; their leaving changes no open admission, so a recruitment
			// still waiting has nothing to count again and the message is a courtesy
			recordWithdrawal(code, candidateId);
			announceAdmissionDecided(code);
		}
	}

	/**
	 * Records that the candidate withdrew (the reason, if any, was stored before); the
	 * withdrawal is announced by candidate-admission's next job.
	 */
	public void recordWithdrawal(String code, long candidateId) {
		Candidate candidate = candidateOf(community(code), candidateId);
		this.candidates.updateStatus(candidateId, CandidateStatus.WITHDRAWN, candidate.statusReason(),
				this.clock.instant());
		log.info("Candidate {} of community {} withdrew", candidateId, code);
	}

	/**
	 * Tells the community's processes that one more candidate is decided; nobody need be
	 * waiting. Called from candidate-admission's job after the decision was committed,
	 * never in the decision's own transaction: a recruitment that subscribes meanwhile
	 * counts after the decision and sees it (ADR 0020). A recruitment changed at the same
	 * moment by another transaction fails this call on optimistic locking; the job is
	 * retried.
	 */
	public void announceAdmissionDecided(String code) {
		int moved = this.asApplication.call(() -> this.runtime.createMessageCorrelation(ADMISSION_DECIDED)
			.processInstanceBusinessKey(code)
			.correlateAllWithResult()
			.size());
		log.debug("Admission decided in community {}: {} waiting process(es) told", code, moved);
	}

	// helpers
	// ----------------------------------------------------------------------------------------------------

	private Community community(String code) {
		return this.communities.findByCode(code)
			.orElseThrow(() -> RecruitmentException.notFound("No community with code " + code));
	}

	private Candidate candidateOf(Community community, long candidateId) {
		return this.candidates.find(candidateId)
			.filter((candidate) -> candidate.communityId() == community.id())
			.orElseThrow(() -> RecruitmentException
				.notFound("No candidate " + candidateId + " in community " + community.code()));
	}

	private Candidate candidateOf(TaskContext task) {
		Object id = task.variable(CANDIDATE_ID);
		if (!(id instanceof Number number)) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no variable " + CANDIDATE_ID);
		}
		return candidateOf(community(task.communityCode()), number.longValue());
	}

	/** The candidate as the forms show it, read only. */
	private static Map<String, Object> candidateFields(Candidate candidate) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("fullName", candidate.fullName());
		values.put("email", candidate.email());
		values.put("authority", candidate.authority());
		values.put("role", candidate.role());
		values.put("region", candidate.region());
		values.put("sector", candidate.sector());
		values.put("gender", candidate.gender());
		values.put("seniorityYears", candidate.seniorityYears());
		values.put("motivation", candidate.motivation());
		return values;
	}

}
