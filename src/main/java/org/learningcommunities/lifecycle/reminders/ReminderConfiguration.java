package org.learningcommunities.lifecycle.reminders;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads the reminder settings of application.yml: {@code lifecycle.reminders.<kind>.*}
 * and {@code lifecycle.mail.retries}.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

	/** The bean the models' timer expressions call: {@code ${reminderSchedule...}}. */
	@Bean
	ReminderSchedule reminderSchedule(Environment environment, @Value("${lifecycle.mail.retries}") String retries) {
		Map<String, Schedule> kinds = Binder.get(environment)
			.bind("lifecycle.reminders", Bindable.mapOf(String.class, Schedule.class))
			.orElse(Map.of());
		return new ReminderSchedule(kinds, retries);
	}

}
