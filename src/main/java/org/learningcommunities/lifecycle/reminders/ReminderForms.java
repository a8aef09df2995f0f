package org.learningcommunities.lifecycle.reminders;

import org.learningcommunities.lifecycle.system.FormHandlers;
import org.learningcommunities.lifecycle.system.TaskFormHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the form of the project managers' follow-up task is read from and stored to.
 */
@Configuration(proxyBeanMethods = false)
class ReminderForms {

	@Bean
	TaskFormHandler followUpOverdueTaskForm(ReminderService reminders) {
		return FormHandlers.of(Reminders.FOLLOW_UP_OVERDUE_TASK, reminders::followUpForm, reminders::followUp);
	}

}
