package org.learningcommunities.lifecycle.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

import org.springframework.stereotype.Service;

/**
 * Who may see and act on a community's data in the application, the one check every
 * controller under {@code /api/communities/{code}} goes through
 * (docs/adr/0017-authorization-per-community.md):
 * <ul>
 * <li>administrators ({@code camunda-admin}) and project managers see every community and
 * act on it;</li>
 * <li>a community's leader and its partners' representatives ({@code lc_community}) see
 * that community, and only the leader acts on it (meetings, withdrawals, advice);</li>
 * <li>anyone else, members included, sees no community: its data answers 404, as if it
 * did not exist.</li>
 * </ul>
 * The signed-in user is the engine's current authentication, which the REST filter sets
 * for every request under {@code /api} and {@code /engine-rest}.
 */
@Service
public class CommunityAccess {

	private final IdentityService identity;

	private final CommunityPeople people;

	private final CommunityAuthorizations authorizations;

	CommunityAccess(IdentityService identity, CommunityPeople people, CommunityAuthorizations authorizations) {
		this.identity = identity;
		this.people = people;
		this.authorizations = authorizations;
	}

	/**
	 * Whether the signed-in user sees every community: an administrator or project
	 * manager.
	 */
	public boolean seesAll() {
		Authentication user = this.identity.getCurrentAuthentication();
		return user != null && CommunityVisibility.seesAll(user.getGroupIds());
	}

	/** Whether the signed-in user may read the community's data. */
	public boolean mayRead(String code) {
		return seesAll() || this.people.of(code).map((community) -> community.includes(currentUser())).orElse(false);
	}

	/**
	 * Whether the signed-in user may act for the community: a project manager, an
	 * administrator or its leader.
	 */
	public boolean mayLead(String code) {
		return seesAll()
				|| this.people.of(code).map((community) -> community.leader().equals(currentUser())).orElse(false);
	}

	/**
	 * The codes of the communities the signed-in user may read, or {@code null} when they
	 * see all.
	 */
	public List<String> readableCodes() {
		if (seesAll()) {
			return null;
		}
		String user = currentUser();
		return (user != null) ? this.people.codesOf(user) : List.of();
	}

	/**
	 * Grants a community's people read rights on the lifecycle's own process instance,
	 * once the community is registered: its business key may have been set only then.
	 * Runs in the engine command of the registration.
	 */
	public void grantCommunityInstance(String code, DelegateExecution execution) {
		this.authorizations.grantInstance(code, execution.getProcessInstanceId(),
				((ExecutionEntity) execution).getRootProcessInstanceId());
	}

	private String currentUser() {
		Authentication user = this.identity.getCurrentAuthentication();
		return (user != null) ? user.getUserId() : null;
	}

}
