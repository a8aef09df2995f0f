package org.learningcommunities.lifecycle.recruitment;

/**
 * Keys, messages and variables of {@code candidate-admission.bpmn}.
 */
public final class CandidateAdmissionProcess {

	public static final String KEY = "candidate-admission";

	public static final String APPLICATION_RECEIVED = "application-received";

	public static final String SCREEN_CANDIDATE = "screen-candidate";

	public static final String CANDIDATE_SUITABLE = "candidate-suitable";

	public static final String INTERVIEW_CANDIDATE = "interview-candidate";

	public static final String CANDIDATE_ADMITTED = "candidate-admitted";

	/**
	 * The message throw events that announce {@link #ADMISSION_DECIDED}, each
	 * asynchronous: from a job after the decision is committed (ADR 0020).
	 */
	public static final String ADMISSION_DECIDED_ADMITTED = "admission-decided-admitted";

	public static final String ADMISSION_DECIDED_NOT_ADMITTED = "admission-decided-not-admitted";

	public static final String ADMISSION_DECIDED_WITHDRAWN = "admission-decided-withdrawn";

	public static final String NOTIFY_ADMISSION = "notify-admission";

	public static final String NOTIFY_DECLINE = "notify-decline";

	public static final String CANDIDATE_ADMITTED_END = "candidate-admitted-end";

	public static final String CANDIDATE_NOT_ADMITTED = "candidate-not-admitted";

	public static final String RECORD_WITHDRAWAL = "record-withdrawal";

	public static final String CANDIDATE_WITHDRAWN = "candidate-withdrawn";

	/** Reminders of the screening and the interview, and the escalation after them. */
	public static final String SCREEN_CANDIDATE_REMINDER = "screen-candidate-reminder";

	public static final String REMIND_SCREEN_CANDIDATE = "remind-screen-candidate";

	public static final String SCREEN_CANDIDATE_REMINDED = "screen-candidate-reminded";

	public static final String SCREEN_CANDIDATE_OVERDUE = "screen-candidate-overdue";

	public static final String ESCALATE_SCREEN_CANDIDATE = "escalate-screen-candidate";

	public static final String INTERVIEW_CANDIDATE_REMINDER = "interview-candidate-reminder";

	public static final String REMIND_INTERVIEW_CANDIDATE = "remind-interview-candidate";

	public static final String INTERVIEW_CANDIDATE_REMINDED = "interview-candidate-reminded";

	public static final String INTERVIEW_CANDIDATE_OVERDUE = "interview-candidate-overdue";

	public static final String ESCALATE_INTERVIEW_CANDIDATE = "escalate-interview-candidate";

	public static final String OVERDUE_TASK_JOIN = "overdue-task-join";

	public static final String FOLLOW_UP_OVERDUE_TASK = "follow-up-overdue-task";

	public static final String OVERDUE_TASK_FOLLOWED_UP = "overdue-task-followed-up";

	/**
	 * Message: the candidate withdrew; interrupts the candidate's admission wherever it
	 * is. Correlated by business key and {@link #CANDIDATE_ID}.
	 */
	public static final String CANDIDATE_WITHDREW = "candidate-withdrew";

	/**
	 * Message sent to every process of the community each time a candidate is decided
	 * (screened out, admitted, declined, withdrawn), from a job after the decision is
	 * committed: recruitment waits on it for the last admission. Nobody need be waiting.
	 */
	public static final String ADMISSION_DECIDED = "admission-decided";

	/** Variables kept on the process: ids and decisions only. */
	public static final String CANDIDATE_ID = "candidateId";

	public static final String LEADER = "leader";

	/** Set by {@link #SCREEN_CANDIDATE}, read by {@link #CANDIDATE_SUITABLE}. */
	public static final String SCREENING_DECISION = "screeningDecision";

	public static final String SCREENING_INTERVIEW = "interview";

	public static final String SCREENING_SCREEN_OUT = "screen-out";

	/** Set by {@link #INTERVIEW_CANDIDATE}, read by {@link #CANDIDATE_ADMITTED}. */
	public static final String ADMISSION_DECISION = "admissionDecision";

	public static final String ADMISSION_ADMIT = "admit";

	public static final String ADMISSION_DECLINE = "decline";

	private CandidateAdmissionProcess() {
	}

}
