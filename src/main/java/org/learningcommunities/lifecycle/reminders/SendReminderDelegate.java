package org.learningcommunities.lifecycle.reminders;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Remind ...": mails whoever owes the task named by the service task's
 * {@code camunda:property reminderFor}. Asynchronous in every model, so a mail server
 * that is down fails this job, which the engine retries, and never a user's form. The
 * reminder's path (its execution) tells one reminder from the next: a retried job sends
 * no second mail.
 */
@Component(Reminders.SEND_REMINDER_DELEGATE)
class SendReminderDelegate implements JavaDelegate {

	private final ReminderService reminders;

	SendReminderDelegate(ReminderService reminders) {
		this.reminders = reminders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reminders.remind(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
				ReminderFor.of(execution), execution.getId());
	}

}
