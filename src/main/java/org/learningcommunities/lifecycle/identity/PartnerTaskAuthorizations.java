package org.learningcommunities.lifecycle.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task offered to the {@code partners} group belongs to the partner it is assigned to
 * (docs/adr/0010-partner-tasks-belong-to-their-assignee.md). The engine's default
 * authorization provider gives every member of a task's candidate group read and update
 * rights on the task; for {@code partners} that would let the representatives of every
 * community see and work on each other's approvals. This plugin installs a provider that
 * grants nothing to the {@code partners} group on a task: the assignee's own
 * authorization (granted when the task is assigned) is the only one. The group stays a
 * candidate group, so the "Partner approvals" filter and the contract's queries still
 * find the tasks, each partner only their own.
 * <p>
 * On start it also removes what the default provider granted the group on tasks created
 * before.
 */
@Component
class PartnerTaskAuthorizations extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(PartnerTaskAuthorizations.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new AssigneeOnlyForPartnersProvider());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		List<Authorization> granted = authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.PARTNERS)
			.resourceType(Resources.TASK)
			.list()
			.stream()
			.filter((authorization) -> !Authorization.ANY.equals(authorization.getResourceId()))
			.toList();
		granted.forEach((authorization) -> authorizations.deleteAuthorization(authorization.getId()));
		if (!granted.isEmpty()) {
			log.info("Removed the partners group's rights on {} tasks: each belongs to its assignee", granted.size());
		}
	}

	/**
	 * The default provider, except that adding the {@code partners} group to a task
	 * grants the group nothing.
	 */
	static class AssigneeOnlyForPartnersProvider extends DefaultAuthorizationProvider {

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			if (Groups.PARTNERS.equals(groupId)) {
				return null;
			}
			return super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
		}

	}

}
