package org.learningcommunities.lifecycle.identity;

import java.util.Collection;
import java.util.Objects;

/**
 * The one statement of who sees a community
 * (docs/adr/0017-authorization-per-community.md), in the two forms the application needs
 * it: as a test on one user and one community, and as a SQL condition on
 * {@code lc_community} for the views that page and filter in the database (the board, the
 * calendar feeds, the API's list). Administrators and project managers see every
 * community; anyone else only the communities they lead or represent a partner in. Who
 * may act (lead) is narrower and stays in {@link CommunityAccess}.
 */
public final class CommunityVisibility {

	private CommunityVisibility() {
	}

	/** Whether a user in these groups sees every community. */
	public static boolean seesAll(Collection<String> groupIds) {
		return groupIds != null && (groupIds.contains(Groups.ADMINS) || groupIds.contains(Groups.PROJECT_MANAGERS));
	}

	/**
	 * Whether the user is one of the community's people: its leader or one of its
	 * partners' representatives.
	 */
	public static boolean isOneOfItsPeople(String userId, String leaderId, String foundationRepId,
			String ministryRepId) {
		return userId != null
				&& (userId.equals(leaderId) || userId.equals(foundationRepId) || userId.equals(ministryRepId));
	}

	/**
	 * The SQL condition "the user named by the parameter is one of the community's
	 * people", on the {@code lc_community} row with that alias (empty for no alias).
	 */
	public static String sqlIsOneOfItsPeople(String alias, String userParameter) {
		Objects.requireNonNull(userParameter);
		String column = (alias == null || alias.isEmpty()) ? "" : alias + ".";
		String user = ":" + userParameter;
		return "(" + column + "leader_id = " + user + " or " + column + "foundation_rep_id = " + user + " or " + column
				+ "ministry_rep_id = " + user + ")";
	}

}
