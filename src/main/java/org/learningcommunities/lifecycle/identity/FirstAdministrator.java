package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The production profile's first administrator: when no member of {@code camunda-admin}
 * exists, the user {@code LIFECYCLE_ADMIN_USER} with the password
 * {@code LIFECYCLE_ADMIN_PASSWORD} (both from the environment) is created in it, with all
 * rights; without them the application refuses to start, naming them. Once an
 * administrator exists the variables are not needed, and never change that user. The
 * password must pass Camunda's password policy (on in {@code prod}).
 */
@Component
@Profile("prod")
class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final String userId;

	private final String password;

	FirstAdministrator(IdentityService identity, AuthorizationService authorizations,
			@Value("${lifecycle.admin.user:}") String userId, @Value("${lifecycle.admin.password:}") String password) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.userId = userId;
		this.password = password;
	}

	@EventListener(ApplicationStartedEvent.class)
	public void ensure() {
		if (this.identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0) {
			return;
		}
		if (this.userId.isBlank() || this.password.isBlank()) {
			throw new IllegalStateException("No administrator exists: set LIFECYCLE_ADMIN_USER and "
					+ "LIFECYCLE_ADMIN_PASSWORD in the environment to create the first one");
		}
		if (this.identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
			Group group = this.identity.newGroup(Groups.ADMINS);
			group.setName("Administrators / מנהלי מערכת");
			group.setType("SYSTEM");
			this.identity.saveGroup(group);
		}
		if (this.identity.createUserQuery().userId(this.userId).count() == 0) {
			User user = this.identity.newUser(this.userId);
			user.setFirstName("Administrator");
			user.setLastName(this.userId);
			user.setPassword(this.password);
			this.identity.saveUser(user);
		}
		this.identity.createMembership(this.userId, Groups.ADMINS);
		for (Resource resource : Resources.values()) {
			if (this.authorizations.createAuthorizationQuery()
				.groupIdIn(Groups.ADMINS)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.count() == 0) {
				Authorization all = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(Groups.ADMINS);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				this.authorizations.saveAuthorization(all);
			}
		}
		log.info("First administrator {} created from the environment", this.userId);
	}

}
