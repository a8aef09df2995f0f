package org.learningcommunities.lifecycle.reminders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

/**
 * What engine-only tests of models with reminders share: the reminder settings of
 * application.yml, as the application reads them, and running a timer job at its due
 * time.
 */
public final class ReminderTestSupport {

	private ReminderTestSupport() {
	}

	/**
	 * The bean {@code reminderSchedule} with the settings of application.yml: register it
	 * with {@code Mocks.register("reminderSchedule", ...)}.
	 */
	public static ReminderSchedule applicationSchedule() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			Binder binder = new Binder(ConfigurationPropertySources.from(yaml));
			Map<String, Schedule> kinds = binder
				.bind("lifecycle.reminders", Bindable.mapOf(String.class, Schedule.class))
				.get();
			return new ReminderSchedule(kinds, binder.bind("lifecycle.mail.retries", String.class).get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a timer job when it is due: the engine's clock moves to a second after its due
	 * date first, as a job executor would run it. A cycle counts its next firing from the
	 * clock, so a reminder run before its time would come again at the same time.
	 */
	public static void executeWhenDue(Job timer) {
		assertThat(timer).as("timer job").isNotNull();
		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
		execute(timer);
	}

}
