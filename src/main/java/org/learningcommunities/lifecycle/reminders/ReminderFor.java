package org.learningcommunities.lifecycle.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Reads the {@code camunda:property reminderFor} of the running service task. A property
 * rather than an input parameter: an input parameter would make the task a scope of its
 * own, whose execution changes on every retry, and the execution names the reminder.
 */
final class ReminderFor {

	private ReminderFor() {
	}

	static String of(DelegateExecution execution) {
		FlowElement element = execution.getBpmnModelElementInstance();
		if (element != null && element.getExtensionElements() != null) {
			for (CamundaProperties properties : element.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaProperties.class)
				.list()) {
				for (CamundaProperty property : properties.getCamundaProperties()) {
					if (Reminders.REMINDER_FOR.equals(property.getCamundaName())) {
						return property.getCamundaValue();
					}
				}
			}
		}
		throw new IllegalStateException("Service task " + execution.getCurrentActivityId() + " of community "
				+ execution.getProcessBusinessKey() + " has no camunda:property " + Reminders.REMINDER_FOR);
	}

}
