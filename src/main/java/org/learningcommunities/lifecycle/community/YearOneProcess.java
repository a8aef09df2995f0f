package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code year-one.bpmn}, of the recruitment it calls
 * ({@code recruitment.bpmn}) and of the decision that calls,
 * {@code community-mix-check.dmn}. The model belongs to the community capability, with
 * its test; the recruitment capability runs its call for applications and cohort steps
 * and reads these names from here. The year summary and the stage gate are in
 * {@link YearProcess} and {@link CommunityLifecycleProcess}.
 */
public final class YearOneProcess {

	public static final String KEY = "year-one";

	public static final String YEAR_ONE_STARTED = "year-one-started";

	public static final String YEAR_ONE_COMPLETED = "year-one-completed";

	/**
	 * The call activity (id = called process key) of {@code recruitment.bpmn}: the steps
	 * below from {@link #DRAFT_CALL} to {@link #COHORT_CONFIRMED} are that process's. The
	 * renewal of years two and three calls it too.
	 */
	public static final String RECRUITMENT = "recruitment";

	public static final String RECRUITMENT_STARTED = "recruitment-started";

	/** The end of {@code recruitment.bpmn}: the cohort confirmed. */
	public static final String RECRUITMENT_COMPLETED = "recruitment-completed";

	public static final String DRAFT_CALL = "draft-call";

	public static final String PUBLISH_CALL = "publish-call";

	public static final String FOLLOW_APPLICATIONS = "follow-applications";

	/**
	 * The interrupting timer on {@link #FOLLOW_APPLICATIONS}, due at
	 * {@link #CALL_DEADLINE}.
	 */
	public static final String CALL_DEADLINE_PASSED = "call-deadline-passed";

	public static final String CLOSE_CALL = "close-call";

	/**
	 * The embedded subprocess where recruitment waits for its open admissions: entering
	 * it subscribes to {@link #ADMISSION_DECIDED} (its interrupting boundary event) and
	 * only then, in a job of its own, counts (ADR 0020).
	 */
	public static final String AWAITING_ADMISSIONS = "awaiting-admissions";

	/** Asynchronous (asyncBefore): counts after the subscription is committed. */
	public static final String COUNT_OPEN_ADMISSIONS = "count-open-admissions";

	/** The gateway "Every admission decided?". */
	public static final String ADMISSIONS_DECIDED = "admissions-decided";

	/**
	 * The message boundary event of {@link #AWAITING_ADMISSIONS} and the message name:
	 * each candidate's admission correlates it, by the community's business key, from a
	 * job after the candidate is decided (screened out, admitted, declined, withdrawn).
	 */
	public static final String ADMISSION_DECIDED = "admission-decided";

	/**
	 * The hourly timer that counts the open admissions again, where recruitment waits
	 * inside {@link #AWAITING_ADMISSIONS}: a safety net for a status changed outside the
	 * processes.
	 */
	public static final String RECOUNT_ADMISSIONS = "recount-admissions";

	public static final String MEASURE_COHORT = "measure-cohort";

	/** The business rule task that evaluates {@link #MIX_CHECK_DECISION}. */
	public static final String CHECK_MIX = "check-mix";

	public static final String CONFIRM_COHORT = "confirm-cohort";

	/** The gateway "Cohort confirmed?". */
	public static final String COHORT_CONFIRMED = "cohort-confirmed";

	/**
	 * The leader chooses the leading core among the admitted members, and names the
	 * advisory committee.
	 */
	public static final String CHOOSE_FORUMS = "choose-forums";

	/** The topics and learning norms the first meeting agreed. */
	public static final String RECORD_FIRST_MEETING = "record-first-meeting";

	/** The decision key (and file name) of {@code processes/community-mix-check.dmn}. */
	public static final String MIX_CHECK_DECISION = "community-mix-check";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/**
	 * When the open call closes by itself (a {@link java.util.Date}: the end of the
	 * deadline day), set by {@link #PUBLISH_CALL}; the draft-call form's field of the
	 * same name is the deadline day.
	 */
	public static final String CALL_DEADLINE = "callDeadline";

	/**
	 * Candidates still applied or in interview, set by {@link #COUNT_OPEN_ADMISSIONS}.
	 */
	public static final String OPEN_ADMISSIONS = "openAdmissions";

	/** The inputs of {@link #MIX_CHECK_DECISION}, set by {@link #MEASURE_COHORT}. */
	public static final String ADMITTED_COUNT = "admittedCount";

	public static final String TARGET_SIZE = "targetSize";

	public static final String WOMEN_SHARE_PCT = "womenSharePct";

	public static final String MEN_SHARE_PCT = "menSharePct";

	public static final String MIN_SHARE_EACH_GENDER_PCT = "minShareEachGenderPct";

	public static final String MISSING_REGIONS = "missingRegions";

	public static final String MISSING_SECTORS = "missingSectors";

	public static final String JUNIOR_COUNT = "juniorCount";

	/**
	 * What {@link #CHECK_MIX} found: one text per shortfall (Hebrew · English), empty
	 * when the cohort fits the agreed mix.
	 */
	public static final String MIX_SHORTFALLS = "mixShortfalls";

	/** The output of {@link #MIX_CHECK_DECISION}, one per matching rule. */
	public static final String SHORTFALL = "shortfall";

	/** The leader's decision in {@link #CONFIRM_COHORT}. */
	public static final String COHORT_DECISION = "cohortDecision";

	public static final String COHORT_CONFIRM = "confirm";

	public static final String COHORT_REOPEN = "reopen";

	/**
	 * The target size lowered, with a reason: the cohort is measured and checked again.
	 */
	public static final String COHORT_LOWER_TARGET = "lower-target";

	/**
	 * The flow back to the count and the mix check after {@link #COHORT_LOWER_TARGET}.
	 */
	public static final String COHORT_TARGET_LOWERED = "cohort-confirmed-lower-target";

	private YearOneProcess() {
	}

}
