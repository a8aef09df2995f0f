package org.learningcommunities.lifecycle.progress;

import java.util.Set;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.identity.CommunityVisibility;

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
		return CommunityVisibility.seesAll(this.groups);
	}

	public boolean sees(Community community) {
		return seesAll() || CommunityVisibility.isOneOfItsPeople(this.userId, community.leaderId(),
				community.foundationRepId(), community.ministryRepId());
	}

}
