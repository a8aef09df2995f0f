package org.learningcommunities.lifecycle.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The arithmetic of the benchmark (bench/run) and its bare model: cheap, so that the
 * benchmark's code is compiled and checked by every build, without running it.
 */
class BenchmarkFiguresTests {

	@Test
	void levelsAreDecadesUpToTheCommunitiesAsked() {
		assertThat(LifecycleBenchmark.levels(1000)).containsExactly(10, 100, 1000);
		assertThat(LifecycleBenchmark.levels(250)).containsExactly(10, 100, 250);
		assertThat(LifecycleBenchmark.levels(2)).containsExactly(2);
	}

	@Test
	void fewerCommunitiesThanTheMeasuredLeaderLeadsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LifecycleBenchmark.checkCommunities(3))
			.withMessageContaining("at least 4");
		LifecycleBenchmark.checkCommunities(4);
	}

	@Test
	void growthExponentIsTheSlopeOnLogLogScales() {
		Map<Integer, Double> linear = new LinkedHashMap<>(Map.of(10, 3.0, 100, 30.0, 1000, 300.0));
		Map<Integer, Double> flat = new LinkedHashMap<>(Map.of(10, 5.0, 100, 5.0, 1000, 5.0));
		Map<Integer, Double> squareRoot = new LinkedHashMap<>(Map.of(10, 1.0, 1000, 10.0));
		assertThat(LifecycleBenchmark.slope(linear)).isCloseTo(1.0, within(1e-9));
		assertThat(LifecycleBenchmark.slope(flat)).isCloseTo(0.0, within(1e-9));
		assertThat(LifecycleBenchmark.slope(squareRoot)).isCloseTo(0.5, within(1e-9));
		assertThat(LifecycleBenchmark.slope(Map.of(10, 1.0))).isNaN();
	}

	@Test
	void percentileIsTheNearestRank() {
		double[] sorted = new double[100];
		for (int i = 0; i < sorted.length; i++) {
			sorted[i] = i + 1;
		}
		assertThat(LifecycleBenchmark.percentile(sorted, 50)).isEqualTo(50);
		assertThat(LifecycleBenchmark.percentile(sorted, 95)).isEqualTo(95);
		assertThat(LifecycleBenchmark.percentile(new double[] { 7, 9 }, 99)).isEqualTo(9);
	}

	@Test
	void bareModelHasTheTasksAndTimersAskedInOneLine() {
		BpmnModelInstance model = BareEngine.model(77, 3);
		Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
		Collection<IntermediateCatchEvent> timers = model.getModelElementsByType(IntermediateCatchEvent.class);
		assertThat(tasks).hasSize(77);
		assertThat(timers).hasSize(3);
		assertThat(tasks).allSatisfy((task) -> assertThat(task.getOutgoing()).hasSize(1));
		// spread: after the tasks 26, 52 and 77
		assertThat(timers.stream().map((timer) -> timer.getIncoming().iterator().next().getSource().getId()))
			.containsExactly("task-26", "task-52", "task-77");
	}

}
