package org.learningcommunities.lifecycle.identity;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.learningcommunities.lifecycle.system.EngineAsApplication;
import org.springframework.stereotype.Component;

/**
 * Who a task may be handed to (docs/adr/0021-engine-api-allowed-per-role.md): someone of
 * the task's community who may do it, so that handing a task never gives an outsider a
 * lasting right to read it and its instance's history (the engine grants the assignee and
 * does not take it back).
 * <ul>
 * <li>a project manager, for any task (they hold every task already);</li>
 * <li>a leader's task ({@code community-leaders}): the leader of its community;</li>
 * <li>a partner's task ({@code partners}): the partner it was made for (its
 * {@code partner} variable), else one of its community's partners' representatives
 * (docs/adr/0010).</li>
 * </ul>
 * Read as the application: the caller need not see the links to be told no.
 */
@Component
class TaskHandOver {

	/** The element variable of the partners' multi-instance tasks. */
	static final String PARTNER = "partner";

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final CommunityPeople people;

	private final EngineAsApplication engine;

	TaskHandOver(TaskService tasks, RuntimeService runtime, IdentityService identity, CommunityPeople people,
			EngineAsApplication engine) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.people = people;
		this.engine = engine;
	}

	/**
	 * Whether the task may be handed to the user. An unknown task is let through: the
	 * engine answers it (404) and changes nothing.
	 */
	boolean mayBeHandedTo(String taskId, String userId) {
		return this.engine.call(() -> decide(taskId, userId));
	}

	private boolean decide(String taskId, String userId) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			return true;
		}
		if (userId == null || userId.isBlank()) {
			return false;
		}
		if (this.identity.createGroupQuery().groupMember(userId).groupId(Groups.PROJECT_MANAGERS).count() > 0) {
			return true;
		}
		List<String> groups = this.tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
		Optional<CommunityPeople.People> community = communityOf(task);
		if (community.isEmpty()) {
			return false;
		}
		if (groups.contains(Groups.COMMUNITY_LEADERS) && userId.equals(community.get().leader())) {
			return true;
		}
		if (groups.contains(Groups.PARTNERS)) {
			Object partner = this.tasks.getVariable(taskId, PARTNER);
			return (partner instanceof String madeFor) ? madeFor.equals(userId)
					: userId.equals(community.get().foundationRep()) || userId.equals(community.get().ministryRep());
		}
		return false;
	}

	private Optional<CommunityPeople.People> communityOf(Task task) {
		if (task.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		return (instance != null) ? this.people.of(instance.getBusinessKey()) : Optional.empty();
	}

}
