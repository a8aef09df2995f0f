package org.learningcommunities.lifecycle.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Signs a user in to our pages with their Camunda password: Camunda's identity service is
 * the one source of users (the same login as Tasklist, and the same lock after too many
 * failed attempts). The user's Camunda groups become their authorities, by group id
 * ({@code project-managers}, {@code community-leaders}, ...).
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identity;

	CamundaUserAuthenticationProvider(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object password = authentication.getCredentials();
		if (userId == null || userId.isBlank() || password == null
				|| !this.identity.checkPassword(userId, password.toString())) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<GrantedAuthority> groups = this.identity.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
