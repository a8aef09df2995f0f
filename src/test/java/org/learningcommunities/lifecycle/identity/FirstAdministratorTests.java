package org.learningcommunities.lifecycle.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The production profile refuses to start without an administrator: when none exists and
 * the environment names none, the start fails naming the variables; once one exists,
 * nothing is needed or changed.
 */
class FirstAdministratorTests {

	private final IdentityService identity = mock(IdentityService.class);

	private final AuthorizationService authorizations = mock(AuthorizationService.class);

	private final UserQuery admins = mock(UserQuery.class, RETURNS_SELF);

	@Test
	void noAdministratorAndNoneInTheEnvironmentRefusesToStart() {
		given(this.identity.createUserQuery()).willReturn(this.admins);
		given(this.admins.count()).willReturn(0L);

		assertThatIllegalStateException()
			.isThrownBy(() -> new FirstAdministrator(this.identity, this.authorizations, "", "").ensure())
			.withMessageContaining("LIFECYCLE_ADMIN_USER")
			.withMessageContaining("LIFECYCLE_ADMIN_PASSWORD");
		verify(this.identity, never()).saveUser(org.mockito.ArgumentMatchers.any());
	}

	@Test
	void anExistingAdministratorNeedsNoEnvironment() {
		given(this.identity.createUserQuery()).willReturn(this.admins);
		given(this.admins.count()).willReturn(1L);

		new FirstAdministrator(this.identity, this.authorizations, "", "").ensure();

		verify(this.identity, never()).newUser(org.mockito.ArgumentMatchers.anyString());
	}

}
