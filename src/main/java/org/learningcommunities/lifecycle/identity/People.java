package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Service;

/**
 * Answers questions about users from Camunda's identity service, the one source of users,
 * groups and emails.
 */
@Service
public class People {

	private final IdentityService identity;

	People(IdentityService identity) {
		this.identity = identity;
	}

	/** Whether the signed-in user belongs to one of the groups. */
	public boolean currentUserIsIn(String... groupIds) {
		Authentication user = this.identity.getCurrentAuthentication();
		return user != null && user.getGroupIds() != null
				&& java.util.Arrays.stream(groupIds).anyMatch(user.getGroupIds()::contains);
	}

	public boolean isMemberOf(String userId, String groupId) {
		return userId != null && this.identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

}
