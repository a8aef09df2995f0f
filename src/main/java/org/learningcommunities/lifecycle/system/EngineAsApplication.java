package org.learningcommunities.lifecycle.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the application rather than as the signed-in user. A service
 * that the user was allowed to call (a leader screening a candidate, scheduling a
 * meeting) starts or messages processes the user has no engine authorization for; the
 * service's own checks decide who may act, the engine call then only carries it out. The
 * user's authentication is restored afterwards.
 */
@Component
public class EngineAsApplication {

	private final IdentityService identity;

	EngineAsApplication(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T call(Supplier<T> call) {
		Authentication user = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return call.get();
		}
		finally {
			if (user != null) {
				this.identity.setAuthentication(user);
			}
		}
	}

}
