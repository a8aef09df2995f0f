package org.learningcommunities.lifecycle.progress;

import java.util.HashSet;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * Who is asking: the user Camunda's filter authenticated for {@code /api} (HTTP basic).
 */
@Component
class Viewers {

	private final IdentityService identity;

	Viewers(IdentityService identity) {
		this.identity = identity;
	}

	Optional<Viewer> current() {
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null || user.getUserId() == null) {
			return Optional.empty();
		}
		return Optional.of(new Viewer(user.getUserId(),
				(user.getGroupIds() != null) ? new HashSet<>(user.getGroupIds()) : new HashSet<>()));
	}

}
