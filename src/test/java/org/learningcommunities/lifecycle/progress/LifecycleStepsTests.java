package org.learningcommunities.lifecycle.progress;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.progress.LifecycleSteps.StepStatus;
import org.learningcommunities.lifecycle.progress.LifecycleSteps.TimelineStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the board's timeline places a community, from its stage and its open tasks.
 */
class LifecycleStepsTests {

	private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

	@Test
	void openTaskMakesItsStepCurrentAndTheStepsBeforeItDone() {
		List<TimelineStage> timeline = LifecycleSteps.timeline(Stage.ESTABLISHMENT,
				List.of(task("establishment", "confirm-goals", NOW.plus(Duration.ofDays(1)))), NOW);

		assertThat(statuses(timeline.get(0))).containsExactly("recruit-partners=DONE", "map-needs=DONE",
				"goals=CURRENT", "plan-evaluation=UPCOMING", "community-mix=UPCOMING", "stage-gate=UPCOMING");
		assertThat(timeline.get(0).status()).isEqualTo(StepStatus.CURRENT);
		assertThat(timeline).extracting(TimelineStage::status)
			.containsExactly(StepStatus.CURRENT, StepStatus.UPCOMING, StepStatus.UPCOMING, StepStatus.UPCOMING);
	}

	@Test
	void overdueTaskMakesItsStepAndStageLate() {
		List<TimelineStage> timeline = LifecycleSteps.timeline(Stage.YEAR_ONE,
				List.of(task("candidate-admission", "interview-candidate", NOW.minus(Duration.ofHours(1)))), NOW);

		assertThat(timeline.get(1).status()).isEqualTo(StepStatus.LATE);
		assertThat(statuses(timeline.get(1))).startsWith("work-plan=DONE", "recruitment=LATE", "forums=UPCOMING");
	}

	@Test
	void workPlanApprovalAfterTheGateIsTheFirstStepOfTheComingYear() {
		List<TimelineStage> timeline = LifecycleSteps.timeline(Stage.ESTABLISHMENT,
				List.of(task(LifecycleSteps.WORK_PLAN_APPROVAL, "approve-work-plan", NOW.plus(Duration.ofDays(2)))),
				NOW);

		assertThat(timeline.get(0).status()).isEqualTo(StepStatus.DONE);
		assertThat(timeline.get(1).stage()).isEqualTo(Stage.YEAR_ONE);
		assertThat(statuses(timeline.get(1))).startsWith("work-plan=CURRENT", "recruitment=UPCOMING");
	}

	@Test
	void completedCommunityHasEveryStageDone() {
		List<TimelineStage> timeline = LifecycleSteps.timeline(Stage.COMPLETED, List.of(), NOW);

		assertThat(timeline).hasSize(4).allSatisfy((stage) -> {
			assertThat(stage.status()).isEqualTo(StepStatus.DONE);
			assertThat(stage.steps()).allSatisfy((step) -> assertThat(step.status()).isEqualTo(StepStatus.DONE));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages/messages.properties", "messages/messages_he.properties" })
	void everyStepHasItsWords(String bundle) throws IOException {
		Properties words = new Properties();
		try (Reader reader = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
				StandardCharsets.UTF_8)) {
			words.load(reader);
		}

		assertThat(LifecycleSteps.stepKeys()).allSatisfy((key) -> assertThat(words).containsKey("step." + key));
		assertThat(List.of(Stage.values())).allSatisfy((stage) -> assertThat(words).containsKey("stage." + stage));
		assertThat(List.of(StepStatus.values()))
			.allSatisfy((status) -> assertThat(words).containsKey("status." + status));
	}

	private static OpenTask task(String processKey, String taskKey, Instant due) {
		return new OpenTask("task-" + taskKey, processKey, taskKey, taskKey, null, List.of("community-leaders"), due,
				NOW.minus(Duration.ofDays(1)), "instance", "root");
	}

	private static List<String> statuses(TimelineStage stage) {
		return stage.steps().stream().map((step) -> step.key() + "=" + step.status()).toList();
	}

}
