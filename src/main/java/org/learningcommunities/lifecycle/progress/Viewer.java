package org.learningcommunities.lifecycle.progress;

import java.util.Set;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.identity.Groups;

/**
 * A signed-in user looking at the progress views, with their Camunda groups. Project
 * managers and administrators see every community; anyone else only the communities they
 * lead or represent a partner in.
 */
public record Viewer(String userId, Set<String> groups) {

	public Viewer {
		groups = Set.copyOf(groups);
	}

	/** Whether the user sees every community. */
	public boolean seesAll() {
		return this.groups.contains(Groups.PROJECT_MANAGERS) || this.groups.contains(Groups.ADMINS);
	}

	public boolean sees(Community community) {
		return seesAll() || this.userId.equals(community.leaderId()) || this.userId.equals(community.foundationRepId())
				|| this.userId.equals(community.ministryRepId());
	}

}
