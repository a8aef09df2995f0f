package org.learningcommunities.lifecycle.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Tell the project managers ... is overdue": mails every project manager about the task
 * named by the service task's {@code camunda:property reminderFor}, once per task and
 * manager. Asynchronous, as every mail.
 */
@Component(Reminders.SEND_ESCALATION_DELEGATE)
class SendEscalationDelegate implements JavaDelegate {

	private final ReminderService reminders;

	SendEscalationDelegate(ReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reminders.escalate(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
				ReminderFor.of(execution));
	}

}
