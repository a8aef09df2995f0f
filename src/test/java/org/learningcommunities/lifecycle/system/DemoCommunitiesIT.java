package org.learningcommunities.lifecycle.system;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile's four communities reach the points the README promises, through the
 * real forms, with the job executor running as in the demo.
 */
@SpringBootTest(properties = { "lifecycle.demo.communities=true",
		"spring.datasource.url=jdbc:h2:mem:demo-communities-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE" })
class DemoCommunitiesIT {

	@Autowired
	private TaskService tasks;

	@Test
	void theVenturesFourCommunitiesWaitWhereTheReadmeSays() throws InterruptedException {
		// the last community is driven furthest: wait for it
		Instant until = Instant.now().plus(Duration.ofSeconds(120));
		while (open("econ-dev-2026", "lay-out-syllabus") == 0 && Instant.now().isBefore(until)) {
			Thread.sleep(500);
		}

		assertThat(open("econ-dev-2026", "lay-out-syllabus")).as("econ-dev-2026 lays out its syllabus").isEqualTo(1);
		assertThat(open("education-2026", "recruit-partners")).as("education-2026 just started").isEqualTo(1);
		assertThat(open("welfare-2026", "approve-work-plan")).as("welfare-2026: one approval per partner").isEqualTo(2);
		assertThat(open("engineers-2026", "screen-candidate")).as("engineers-2026: applications to screen")
			.isEqualTo(8);
		assertThat(open("engineers-2026", "follow-applications")).isEqualTo(1);
	}

	private long open(String code, String taskKey) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).count();
	}

}
