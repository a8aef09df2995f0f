package org.learningcommunities.lifecycle.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the per-community rules
 * (docs/adr/0017-authorization-per-community.md, extending 0010): the people of a
 * community ({@code lc_community}: its leader and its partners' representatives) read
 * that community's process instances and their history, and nobody else's; a leader's
 * task is granted to the leader of the task's community, not to every member of
 * {@code community-leaders}; a partner's task belongs to its assignee alone (0010).
 * Project managers keep their wildcard rights ({@link AccessSetup}).
 * <ul>
 * <li>Every process instance gets, when it starts, a read grant on the instance and on
 * its history for each person of the community named by its business key (a built-in
 * start listener added to every process by a parse listener, so no model declares
 * it).</li>
 * <li>{@code community-lifecycle} may start without a business key and registers the
 * community afterwards: {@code community.RegisterCommunityDelegate} asks for the same
 * grants then ({@link CommunityAccess#grantCommunityInstance}).</li>
 * <li>Candidate groups stay as the contract names them; only the rights they carry
 * change.</li>
 * </ul>
 * On start, a database from before these rules (leaders and partners read every process
 * instance) is brought to them once: the wide grants are removed, and each running
 * process instance and each open leader's task is granted to its community's people.
 */
@Component
class CommunityAuthorizations extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(CommunityAuthorizations.class);

	private final CommunityPeople people;

	private final PerCommunityProvider provider;

	CommunityAuthorizations(CommunityPeople people) {
		this.people = people;
		this.provider = new PerCommunityProvider(people);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(this.provider);
		if (configuration.getCustomPreBPMNParseListeners() == null) {
			configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPreBPMNParseListeners().add(new GrantOnStartParseListener());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		configuration.getCommandExecutorTxRequired().execute((commandContext) -> {
			upgrade(engine);
			return null;
		});
	}

	/**
	 * Grants the people of the community read rights on a process instance and its
	 * history. Must run inside an engine command (a delegate, a listener).
	 */
	void grantInstance(String code, String processInstanceId, String rootProcessInstanceId) {
		grantInstance(code, processInstanceId, rootProcessInstanceId, false);
	}

	/**
	 * @param started the instance is starting now: no grant can exist on its new id, so
	 * none is looked up (two queries per person and instance saved)
	 */
	private void grantInstance(String code, String processInstanceId, String rootProcessInstanceId, boolean started) {
		List<AuthorizationEntity> grants = this.provider.instanceGrants(code, processInstanceId, rootProcessInstanceId,
				started);
		if (!grants.isEmpty()) {
			Context.getCommandContext()
				.getAuthorizationManager()
				.saveDefaultAuthorizations(grants.toArray(AuthorizationEntity[]::new));
		}
	}

	private void upgrade(ProcessEngine engine) {
		AuthorizationService authorizations = engine.getAuthorizationService();
		// 0010: the partners group holds no right on single tasks; project managers hold
		// theirs on every task (see PerCommunityProvider)
		List<Authorization> singleTaskGrants = authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.PARTNERS, Groups.PROJECT_MANAGERS)
			.resourceType(Resources.TASK)
			.list()
			.stream()
			.filter((authorization) -> !Authorization.ANY.equals(authorization.getResourceId()))
			.toList();
		singleTaskGrants.forEach((authorization) -> authorizations.deleteAuthorization(authorization.getId()));
		List<Authorization> wide = authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.COMMUNITY_LEADERS, Groups.PARTNERS)
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId(Authorization.ANY)
			.list();
		if (wide.isEmpty()) {
			return;
		}
		// a database from before per-community authorization: every leader and partner
		// read every instance
		wide.forEach((authorization) -> authorizations.deleteAuthorization(authorization.getId()));
		engine.getRuntimeService()
			.createProcessInstanceQuery()
			.list()
			.stream()
			.filter((instance) -> instance.getBusinessKey() != null)
			.forEach((instance) -> grantInstance(instance.getBusinessKey(), instance.getId(),
					instance.getRootProcessInstanceId()));
		List<Authorization> leaderTasks = authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.COMMUNITY_LEADERS)
			.resourceType(Resources.TASK)
			.list()
			.stream()
			.filter((authorization) -> !Authorization.ANY.equals(authorization.getResourceId()))
			.toList();
		leaderTasks.forEach((authorization) -> {
			authorizations.deleteAuthorization(authorization.getId());
			Task task = engine.getTaskService().createTaskQuery().taskId(authorization.getResourceId()).singleResult();
			if (task != null) {
				Context.getCommandContext()
					.getAuthorizationManager()
					.saveDefaultAuthorizations(
							this.provider.newTaskGroupIdentityLink(task, Groups.COMMUNITY_LEADERS, "candidate"));
			}
		});
		log.info("Authorizations narrowed to each community's people: {} wide grants and {} leaders' task grants "
				+ "replaced", wide.size(), leaderTasks.size());
	}

	/**
	 * Adds to every process a built-in start listener (it runs even when listeners are
	 * skipped) that grants the instance to its community's people.
	 */
	private final class GrantOnStartParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) (execution) -> grantInstance(execution.getProcessBusinessKey(),
							execution.getProcessInstanceId(),
							((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) execution)
								.getRootProcessInstanceId(),
							true));
		}

	}

	/**
	 * The default provider, except for the tasks of the contract's community groups: a
	 * {@code community-leaders} task is granted to the leader of its community (found by
	 * the business key of its process instance), a {@code partners} task to nobody but
	 * its assignee (0010).
	 */
	static class PerCommunityProvider extends DefaultAuthorizationProvider {

		private final CommunityPeople people;

		PerCommunityProvider(CommunityPeople people) {
			this.people = people;
		}

		@Override
		public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			// Project managers hold every right on every task (TASK "*", AccessSetup): a
			// grant per task would add nothing but a row that each of their task queries
			// joins with each task it reads (2,000 tasks x 250 such rows at 1,000
			// communities: the Tasklist filters' cost, docs/benchmark.md).
			if (Groups.PARTNERS.equals(groupId) || Groups.PROJECT_MANAGERS.equals(groupId)) {
				return null;
			}
			if (Groups.COMMUNITY_LEADERS.equals(groupId)) {
				return leaderOf(task).map((leader) -> createOrUpdateAuthorizationsByUserId(task, leader)).orElse(null);
			}
			return super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
		}

		@Override
		public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
			if (Groups.PARTNERS.equals(groupId) || Groups.COMMUNITY_LEADERS.equals(groupId)
					|| Groups.PROJECT_MANAGERS.equals(groupId)) {
				return null;
			}
			return super.deleteTaskGroupIdentityLink(task, groupId, identityLinkType);
		}

		@Override
		public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) {
			// the business key is not set yet when the engine asks: the start listener
			// grants
			return null;
		}

		List<AuthorizationEntity> instanceGrants(String code, String processInstanceId, String rootProcessInstanceId,
				boolean started) {
			List<AuthorizationEntity> grants = new ArrayList<>();
			this.people.of(code).ifPresent((community) -> community.all().forEach((user) -> {
				grants.add(grant(user, Resources.PROCESS_INSTANCE, processInstanceId, rootProcessInstanceId,
						Permissions.READ, started));
				grants.add(grant(user, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, rootProcessInstanceId,
						org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ, started));
			}));
			return grants;
		}

		private AuthorizationEntity grant(String userId, Resource resource, String resourceId, String rootId,
				Permission permission, boolean started) {
			AuthorizationEntity authorization = started ? null
					: getGrantAuthorizationByUserId(userId, resource, resourceId);
			if (authorization == null) {
				authorization = createGrantAuthorization(userId, null, resource, resourceId, permission);
				// removed with the history of the community's lifecycle (ADR 0002)
				authorization.setRootProcessInstanceId(rootId);
			}
			else {
				addPermissions(authorization, permission);
			}
			return authorization;
		}

		private Optional<String> leaderOf(Task task) {
			if (!(task instanceof TaskEntity entity) || entity.getProcessInstance() == null) {
				return Optional.empty();
			}
			return this.people.of(entity.getProcessInstance().getBusinessKey())
				.map(CommunityPeople.People::leader)
				.filter((leader) -> !leader.isBlank());
		}

	}

}
