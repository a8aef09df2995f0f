package org.learningcommunities.lifecycle.workspace;

import java.util.List;
import java.util.Set;

import org.learningcommunities.lifecycle.identity.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The person signed in to the workspace: their user id and Camunda groups (the
 * authorities our login gives them).
 */
record Worker(String userId, Set<String> groups) {

	Worker {
		groups = Set.copyOf(groups);
	}

	static Worker of(Authentication authentication) {
		return new Worker(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(java.util.stream.Collectors.toSet()));
	}

	/**
	 * The groups whose tasks are offered to every member: not the leaders' (a leader's
	 * task is offered to its community's leader only) nor the partners' (a partner's task
	 * belongs to its assignee), as the engine grants them (docs/adr/0017, 0010).
	 */
	List<String> offeringGroups() {
		return this.groups.stream()
			.filter((group) -> !Groups.COMMUNITY_LEADERS.equals(group) && !Groups.PARTNERS.equals(group))
			.sorted()
			.toList();
	}

}
