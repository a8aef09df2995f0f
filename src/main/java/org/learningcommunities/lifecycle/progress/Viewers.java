package org.learningcommunities.lifecycle.progress;

import java.util.HashSet;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking: on our pages ({@code /board/**}) the user signed in to the session by
 * Spring Security, with their Camunda groups as authorities; on {@code /api} the user
 * Camunda's filter authenticated (HTTP basic). Each path has only one of the two.
 */
@Component
class Viewers {

	private final IdentityService identity;

	Viewers(IdentityService identity) {
		this.identity = identity;
	}

	Optional<Viewer> current() {
		org.springframework.security.core.Authentication session = SecurityContextHolder.getContext()
			.getAuthentication();
		if (session != null && session.isAuthenticated() && !(session instanceof AnonymousAuthenticationToken)) {
			return Optional.of(new Viewer(session.getName(),
					session.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet())));
		}
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null || user.getUserId() == null) {
			return Optional.empty();
		}
		return Optional.of(new Viewer(user.getUserId(),
				(user.getGroupIds() != null) ? new HashSet<>(user.getGroupIds()) : new HashSet<>()));
	}

}
