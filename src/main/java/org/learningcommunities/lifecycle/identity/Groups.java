package org.learningcommunities.lifecycle.identity;

/**
 * The groups of the contract. Candidate groups in the models use these ids.
 */
public final class Groups {

	public static final String ADMINS = "camunda-admin";

	public static final String PROJECT_MANAGERS = "project-managers";

	public static final String COMMUNITY_LEADERS = "community-leaders";

	public static final String PARTNERS = "partners";

	private Groups() {
	}

}
