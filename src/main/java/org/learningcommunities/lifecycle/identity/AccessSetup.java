package org.learningcommunities.lifecycle.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the contract, what each may do in the webapps and the engine
 * (authorization is on), and the Tasklist filters each group works from. Runs in every
 * profile and only adds what is missing, so restarts and a second node change nothing;
 * users themselves exist only in the demo profile ({@link DemoUsers}) or are created by
 * an administrator.
 */
@Component
class AccessSetup {

	private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

	static final List<String> STAGE_GATE_KEYS = List.of("sign-stage-gate");

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	public void setUp() {
		try {
			createGroupsAuthorizationsAndFilters();
		}
		catch (ProcessEngineException ex) {
			// two nodes starting together: the other one was faster, and what it wrote is
			// what we wanted
			log.warn("Access set-up raced with another node ({}); trying once more", ex.getMessage());
			createGroupsAuthorizationsAndFilters();
		}
	}

	private void createGroupsAuthorizationsAndFilters() {
		// authorization-check-revokes is never (application.yml, docs/adr/0019): queries
		// would not honour a revoke made by hand
		long revokes = this.authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.count();
		if (revokes > 0) {
			log.warn("{} REVOKE authorizations exist, but task and process queries do not check revokes "
					+ "(authorization-check-revokes: never); use grants only, or set it to auto", revokes);
		}
		group(Groups.PROJECT_MANAGERS, "Project managers / מנהלי המיזם");
		group(Groups.COMMUNITY_LEADERS, "Community leaders / מובילות קהילה");
		group(Groups.PARTNERS, "Partners / שותפים");

		for (String group : List.of(Groups.PROJECT_MANAGERS, Groups.COMMUNITY_LEADERS, Groups.PARTNERS)) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			// to see process names in Tasklist; their tasks come with the candidate group
			grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		}
		// Leaders and partners read the process instances (and so each task's community
		// code in Tasklist) of their own communities only: CommunityAuthorizations grants
		// each instance to its community's people (docs/adr/0017).
		// The project manager starts communities, follows every one and signs the stage
		// gates.
		grant(Groups.PROJECT_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
		grant(Groups.PROJECT_MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.ALL);
		grant(Groups.PROJECT_MANAGERS, Resources.TASK, "*", Permissions.ALL);
		grant(Groups.PROJECT_MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(Groups.PROJECT_MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		// to choose leaders and partners' representatives when starting a community
		grant(Groups.PROJECT_MANAGERS, Resources.USER, "*", Permissions.READ);
		grant(Groups.PROJECT_MANAGERS, Resources.GROUP, "*", Permissions.READ);

		filter("All communities by stage / כל הקהילות לפי שלב", Groups.PROJECT_MANAGERS, -30,
				this.tasks.createTaskQuery().orderByProcessVariable("communityCode", ValueType.STRING).asc());
		filter("Stage gates to sign / שערי שלב לחתימה", Groups.PROJECT_MANAGERS, -20,
				this.tasks.createTaskQuery()
					.taskDefinitionKeyIn(STAGE_GATE_KEYS.toArray(String[]::new))
					.taskCandidateGroup(Groups.PROJECT_MANAGERS)
					.includeAssignedTasks()
					.orderByDueDate()
					.asc());
		filter("Overdue / באיחור", Groups.PROJECT_MANAGERS, -10,
				this.tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
		filter("My tasks / המשימות שלי", Groups.COMMUNITY_LEADERS, -20,
				this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		filter("Community leaders' tasks / משימות מובילות הקהילה", Groups.COMMUNITY_LEADERS, -10,
				this.tasks.createTaskQuery()
					.taskCandidateGroup(Groups.COMMUNITY_LEADERS)
					.includeAssignedTasks()
					.orderByDueDate()
					.asc());
		filter("Partner approvals / אישורי שותפים", Groups.PARTNERS, -10,
				this.tasks.createTaskQuery()
					.taskCandidateGroup(Groups.PARTNERS)
					.includeAssignedTasks()
					.orderByDueDate()
					.asc());
	}

	private void group(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			this.identity.saveGroup(group);
			log.info("Group {} created", id);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
		// one authorization per group and resource: permissions are added to it
		Authorization authorization = this.authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.singleResult();
		if (authorization == null) {
			authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else if (authorization.isPermissionGranted(permission)) {
			return;
		}
		authorization.addPermission(permission);
		this.authorizations.saveAuthorization(authorization);
	}

	private void filter(String name, String groupId, int priority, TaskQuery query) {
		if (this.filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = this.filters.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "refresh", true, "variables",
					List.of(Map.of("name", "communityCode", "label", "Community / קהילה"))));
		this.filters.saveFilter(filter);
		grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
		grant(Groups.ADMINS, Resources.FILTER, filter.getId(), Permissions.READ);
	}

}
