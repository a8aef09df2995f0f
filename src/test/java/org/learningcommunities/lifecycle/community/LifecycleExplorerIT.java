package org.learningcommunities.lifecycle.community;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.TestMailServer;
import org.learningcommunities.lifecycle.meetings.MeetingService;
import org.learningcommunities.lifecycle.recruitment.RecruitmentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No dead end over three years: whole lifecycles walked at random by
 * {@link LifecycleExplorer}, each from its own seed, for a time budget, each of which
 * must still reach {@code COMPLETED} from wherever its random steps left it. Prints
 * {@code explored: N lifecycles, M steps, 0 dead ends}; a dead end fails with its seed
 * and its last steps.
 * <ul>
 * <li>{@code -Dexplorer.seconds=150}: the time budget (a lifecycle started keeps going
 * past it);</li>
 * <li>{@code -Dexplorer.seed=N}: that one seed only, to reproduce a failure;</li>
 * <li>{@code -Dexplorer.random-steps=N}: the most random steps before the way forward
 * (default 150).</li>
 * </ul>
 */
// its own database and no job executor: the walk alone decides when each job runs
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false", "lifecycle.demo.communities=false",
		"spring.datasource.url=jdbc:h2:mem:lifecycle-explorer-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class LifecycleExplorerIT {

	private static final TestMailServer smtp = new TestMailServer();

	@Autowired
	private ProcessEngine engine;

	@Autowired
	private RecruitmentService recruitment;

	@Autowired
	private MeetingService meetings;

	@Autowired
	private CommunityService communities;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		smtp.register(properties);
	}

	@BeforeAll
	static void startMailServer() {
		smtp.server().start();
	}

	@AfterAll
	static void stopMailServer() {
		smtp.server().stop();
	}

	@Test
	void everyLifecycleWalkedAtRandomCanStillReachCompleted() {
		Duration budget = Duration.ofSeconds(Long.getLong("explorer.seconds", 150));
		int mostRandomSteps = Integer.getInteger("explorer.random-steps", 150);
		String fixedSeed = System.getProperty("explorer.seed");
		long firstSeed = (fixedSeed != null) ? Long.parseLong(fixedSeed) : new Random().nextInt(1_000_000);
		System.out.println(
				"explorer: first seed " + firstSeed + ", budget " + budget + " (rerun one with -Dexplorer.seed=N)");
		long deadline = System.nanoTime() + budget.toNanos();
		List<Long> seeds = new ArrayList<>();
		long steps = 0;
		for (long seed = firstSeed; seeds.isEmpty() || (fixedSeed == null && System.nanoTime() < deadline); seed++) {
			// java.util.Random draws nearly the same first numbers from consecutive
			// seeds:
			// mix each seed first
			SplittableRandom mixed = new SplittableRandom(seed);
			int randomSteps = mixed.nextInt(mostRandomSteps + 1);
			LifecycleExplorer walk = new LifecycleExplorer(this.engine, this.recruitment, this.meetings,
					this.communities, "explore-" + seed, mixed.nextLong());
			int taken;
			try {
				taken = walk.explore(randomSteps, randomSteps + 1500);
			}
			catch (AssertionError ex) {
				throw new AssertionError(
						"explorer: seed " + seed + " (rerun with -Dexplorer.seed=" + seed + "): " + ex.getMessage(),
						ex);
			}
			System.out.println("explorer: seed " + seed + ", " + randomSteps + " random steps, COMPLETED after " + taken
					+ " steps");
			seeds.add(seed);
			steps += taken;
		}
		System.out.println("explored: " + seeds.size() + " lifecycles, " + steps + " steps, 0 dead ends");
		assertThat(seeds).isNotEmpty();
	}

}
