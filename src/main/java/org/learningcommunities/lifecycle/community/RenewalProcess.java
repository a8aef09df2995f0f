package org.learningcommunities.lifecycle.community;

/**
 * Keys and variables of {@code renewal.bpmn}, called at the start of years two and three:
 * every member continues or leaves, recruitment may reopen ({@code recruitment.bpmn}, as
 * in year one), and the leading core is chosen again ({@code choose-forums}).
 */
public final class RenewalProcess {

	public static final String KEY = "renewal";

	public static final String RENEWAL_STARTED = "renewal-started";

	public static final String RENEW_MEMBERSHIP = "renew-membership";

	/** A multi-instance user task: one per member in {@link #LEAVING_MEMBERS}. */
	public static final String FAREWELL_MEMBER = "farewell-member";

	/** The gateway "Recruit new members?". */
	public static final String NEW_MEMBERS_WANTED = "new-members-wanted";

	public static final String RENEWAL_COMPLETED = "renewal-completed";

	// variables: ids and decisions only
	// -------------------------------------------------------------------------

	/**
	 * The candidate ids (as text) of the members who leave, chosen in
	 * {@link #RENEW_MEMBERSHIP}; the collection of {@link #FAREWELL_MEMBER}.
	 */
	public static final String LEAVING_MEMBERS = "leavingMembers";

	/** The element variable of {@link #FAREWELL_MEMBER}: one leaving member's id. */
	public static final String MEMBER_ID = "memberId";

	/**
	 * Whether recruitment reopens this year: a Boolean on the process, from the form's
	 * answer {@code yes} or {@code no}.
	 */
	public static final String RECRUIT_NEW_MEMBERS = "recruitNewMembers";

	private RenewalProcess() {
	}

}
