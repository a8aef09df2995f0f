package org.learningcommunities.lifecycle.system;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The variables of a process instance created or changed in the current engine command:
 * when a task is completed, exactly what its submission set. A submission over
 * {@code submit-form} may carry any variable; one that is not a field of the task's form
 * would be stored on the process (or overwrite one of its ids, such as {@code leader}),
 * so {@link TaskFormListener} refuses it. Read from the engine's entity cache of the
 * command, an internal API (docs/adr/0003, docs/adr/0017): to revisit on a Camunda
 * upgrade.
 */
final class SubmittedVariables {

	private SubmittedVariables() {
	}

	static Set<String> changedIn(DelegateExecution execution) {
		Set<String> names = new TreeSet<>();
		if (Context.getCommandContext() == null) {
			return names;
		}
		for (CachedDbEntity cached : Context.getCommandContext()
			.getDbEntityManager()
			.getDbEntityCache()
			.getCachedEntities()) {
			if (cached.getEntity() instanceof VariableInstanceEntity variable && !variable.isTransient()
					&& execution.getProcessInstanceId().equals(variable.getProcessInstanceId())
					&& (cached.getEntityState() == DbEntityState.TRANSIENT
							|| (cached.getEntityState() == DbEntityState.PERSISTENT && cached.isDirty()))) {
				names.add(variable.getName());
			}
		}
		return names;
	}

}
