package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the contract (password = user id, email {@code <id>@example.org}),
 * each with a language for the mail they get: the leader and the foundation's partner
 * Hebrew, the project manager and the ministry's partner English. Demo profile only: no
 * other profile has a user with a known password. The administrator comes from
 * {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("demo")
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final IdentityService identity;

	private final People people;

	DemoUsers(IdentityService identity, People people) {
		this.identity = identity;
		this.people = people;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(2)
	public void create() {
		user("manager", "Maya", "Project manager", Groups.PROJECT_MANAGERS, "en");
		user("leader", "Lea", "Community leader", Groups.COMMUNITY_LEADERS, "he");
		user("foundation", "Fadi", "Foundation partner", Groups.PARTNERS, "he");
		user("ministry", "Miriam", "Ministry partner", Groups.PARTNERS, "en");
	}

	private void user(String id, String firstName, String lastName, String groupId, String language) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			if (this.identity.getUserInfo(id, People.LANGUAGE) == null) {
				this.people.setLanguage(id, language);
			}
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		this.identity.saveUser(user);
		this.identity.createMembership(id, groupId);
		this.people.setLanguage(id, language);
		log.info("Demo user {} created in group {}", id, groupId);
	}

}
