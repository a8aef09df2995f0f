package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.IdentityService;

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

	public boolean isMemberOf(String userId, String groupId) {
		return userId != null && this.identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
	}

}
