package org.learningcommunities.lifecycle.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The timer dates the models get from {@link ReminderSchedule}.
 */
class ReminderScheduleTests {

	private static final Date DUE = Date.from(Instant.parse("2026-12-10T08:00:00Z"));

	private final ReminderSchedule schedule = new ReminderSchedule(
			Map.of("screen-candidate", new Schedule(Duration.ofDays(-2), Duration.ofDays(1), 3, Duration.ofHours(12)),
					"meeting-notice", new Schedule(Duration.ofDays(-7), null, 0, null)),
			"PT1M,PT5M");

	@BeforeEach
	void engineClockBeforeTheReminders() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-01T00:00:00Z")));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void remindersAreACycleStartingAtTheFirstReminder() {
		// three firings: R2 means two repetitions after the first
		assertThat(this.schedule.cycle("screen-candidate", DUE)).isEqualTo("R2/2026-12-08T08:00:00Z/PT24H");
	}

	@Test
	void escalationComesAfterTheLastReminder() {
		assertThat(this.schedule.escalation("screen-candidate", DUE))
			.isEqualTo(Date.from(Instant.parse("2026-12-10T20:00:00Z")));
	}

	@Test
	void aNoticeIsOneDateAndAScheduleWithoutRepeatsDefaultsToOneEveryDay() {
		assertThat(this.schedule.at("meeting-notice", DUE)).isEqualTo(Date.from(Instant.parse("2026-12-03T08:00:00Z")));
		assertThat(this.schedule.cycle("meeting-notice", DUE)).isEqualTo("R0/2026-12-03T08:00:00Z/PT24H");
		assertThat(this.schedule.escalation("meeting-notice", DUE))
			.isEqualTo(Date.from(Instant.parse("2026-12-04T08:00:00Z")));
	}

	@Test
	void remindersWhoseTimeHasPassedAreLeftOut() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-09T00:00:00Z")));

		assertThat(this.schedule.cycle("screen-candidate", DUE)).isEqualTo("R1/2026-12-09T08:00:00Z/PT24H");
		assertThat(this.schedule.escalation("screen-candidate", DUE))
			.isEqualTo(Date.from(Instant.parse("2026-12-10T20:00:00Z")));
	}

	@Test
	void whenEveryReminderHasPassedOneGoesOutAtOnceAndTheEscalationFollowsIt() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-20T09:30:00Z")));

		assertThat(this.schedule.cycle("screen-candidate", DUE)).isEqualTo("R0/2026-12-20T09:30:10Z/PT24H");
		assertThat(this.schedule.escalation("screen-candidate", DUE))
			.isEqualTo(Date.from(Instant.parse("2026-12-20T21:30:10Z")));
	}

	@Test
	void aKindWithoutSettingsNamesTheMissingProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.schedule.cycle("hold-farewell", DUE))
			.withMessageContaining("lifecycle.reminders.hold-farewell.first");
	}

	@Test
	void theApplicationSettingsEscalateAfterTheLastReminder() {
		ReminderSchedule application = ReminderTestSupport.applicationSchedule();
		assertThat(application.getMailRetries()).isNotBlank();
		application.kinds().forEach((kind, settings) -> {
			assertThat(settings.count()).as(kind).isPositive();
			Date last = Date
				.from(application.at(kind, DUE).toInstant().plus(settings.every().multipliedBy(settings.count() - 1L)));
			assertThat(application.escalation(kind, DUE)).as(kind).isAfter(last);
		});
	}

}
