package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The versioning rule of docs/adr/0023-models-change-while-communities-run.md, engine
 * only: every model of the last release ({@code src/test/resources/releases/v0.1.0}, the
 * files of tag {@code v0.1.0}) maps onto its current version, each place where an
 * instance can wait included; a change that strands instances is named; an explicit
 * mapping of {@code model-changes/} moves them.
 */
class ModelVersionsTest {

	/** The models and forms of the last release, as its jar deployed them. */
	static final String LAST_RELEASE = "releases/v0.1.0/";

	/** A small model whose second version renames its waiting task. */
	private static final String RENAMED = "migration-test-renamed";

	/** A small model whose second version drops its waiting task. */
	private static final String DROPPED = "migration-test-dropped";

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.build();

	private final List<String> deployments = new ArrayList<>();

	@AfterEach
	void undeploy() {
		this.deployments.forEach((id) -> engine().getRepositoryService().deleteDeployment(id, true, true, true));
	}

	@Test
	void everyModelOfTheLastReleaseMapsOntoItsCurrentVersion() {
		// given: the last release's models deployed, then the current ones
		deploy("releases/v0.1.0/processes/", "classpath*:" + LAST_RELEASE + "processes/*.bpmn",
				"classpath*:" + LAST_RELEASE + "processes/*.dmn", "classpath*:" + LAST_RELEASE + "forms/*.form");
		String current = deploy("processes/", "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
				"classpath*:forms/*.form");
		ModelMigration migration = new ModelMigration(engine());

		// when: each model's plan is made from the release's version to the current one
		List<String> problems = new ArrayList<>();
		Set<String> planned = new TreeSet<>();
		for (ProcessDefinition target : engine().getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(current)
			.list()) {
			ProcessDefinition source = engine().getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(target.getKey())
				.processDefinitionVersion(target.getVersion() - 1)
				.singleResult();
			if (source == null) {
				// a model new since the release: nothing of it runs yet
				continue;
			}
			try {
				migration.plan(source, target).complete(target.getKey());
				planned.add(target.getKey());
			}
			catch (IllegalStateException ex) {
				problems.add(ex.getMessage());
			}
		}

		// then: every wait state of every model has its place in the current version
		assertThat(problems).as("models whose running instances could not move to the current version").isEmpty();
		assertThat(planned).contains("community-lifecycle", "establishment", "year-one", "year-two", "year-three",
				"recruitment", "community-meeting");
	}

	@Test
	void aWaitingTaskTheNewVersionRenamedMovesWhereItsMappingSays() {
		// given: a community waits in the first version's task, its reminder timer set
		deployModel(RENAMED, "review-draft");
		ProcessInstance waiting = engine().getRuntimeService().startProcessInstanceByKey(RENAMED, "renamed-2026");
		Date reminderDue = timer(waiting).getDuedate();
		// and: the second version renames the task; model-changes/ maps the old id
		deployModel(RENAMED, "review-drafts");

		// when: the instances of older versions are migrated
		List<ModelMigration.Outcome> outcomes = new ModelMigration(engine()).migrateToLatest(Set.of(RENAMED));

		// then: the community waits in the renamed task of version 2, its reminder due as
		// before
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.fromVersion()).isEqualTo(1);
			assertThat(outcome.toVersion()).isEqualTo(2);
			assertThat(outcome.migrated()).isOne();
			assertThat(outcome.failures()).isEmpty();
		});
		Task task = engine().getTaskService().createTaskQuery().processInstanceId(waiting.getId()).singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("review-drafts");
		assertThat(task.getProcessDefinitionId()).isEqualTo(latest(RENAMED).getId());
		assertThat(timer(waiting).getDuedate()).isEqualTo(reminderDue);
		assertThat(timer(waiting).getProcessDefinitionId()).isEqualTo(latest(RENAMED).getId());

		// and: the community goes on from there
		engine().getTaskService().complete(task.getId());
		assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(waiting.getId()).count())
			.isZero();
	}

	@Test
	void aWaitingTaskTheNewVersionDroppedIsNamedAndItsInstanceStaysWhereItWas() {
		// given: a community waits in the first version's task
		deployModel(DROPPED, "review-draft");
		ProcessInstance waiting = engine().getRuntimeService().startProcessInstanceByKey(DROPPED, "dropped-2026");
		// and: the second version has no such task, and no mapping says where it went
		deployModel(DROPPED, "publish-product");
		ModelMigration migration = new ModelMigration(engine());

		// then: the plan names the task an instance could be stranded in
		assertThatThrownBy(() -> migration.plan(definition(DROPPED, 1), definition(DROPPED, 2)).complete(DROPPED))
			.hasMessageContaining("[review-draft, review-draft-reminder]")
			.hasMessageContaining("model-changes/" + DROPPED + ".properties");

		// when: the instances are migrated all the same
		List<ModelMigration.Outcome> outcomes = migration.migrateToLatest(Set.of(DROPPED));

		// then: the waiting one is named, stays on version 1 and can still be completed
		assertThat(outcomes).singleElement().satisfies((outcome) -> {
			assertThat(outcome.migrated()).isZero();
			assertThat(outcome.failures()).singleElement()
				.asString()
				.startsWith(waiting.getId())
				.contains("activity 'review-draft'");
		});
		Task task = engine().getTaskService().createTaskQuery().processInstanceId(waiting.getId()).singleResult();
		assertThat(task.getProcessDefinitionId()).isEqualTo(definition(DROPPED, 1).getId());
		engine().getTaskService().complete(task.getId());
		assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(waiting.getId()).count())
			.isZero();
	}

	@Test
	void aMappingToAnActivityTheCurrentVersionLacksIsRefusedNamingBoth() {
		// model-changes/migration-test-renamed.properties maps review-draft to
		// review-drafts
		deployModel(RENAMED, "review-draft");
		deployModel(RENAMED, "approve-draft");

		assertThatThrownBy(() -> new ModelMigration(engine()).plan(definition(RENAMED, 1), definition(RENAMED, 2)))
			.hasMessageContaining("maps 'review-draft' to 'review-drafts', which version 2 does not have");
	}

	// models and engine
	// --------------------------------------------------------------------------------------------

	/**
	 * One user task with a non-interrupting reminder timer, the shape of our models'
	 * waiting steps.
	 */
	private void deployModel(String key, String taskId) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1825)
			.startEvent("started")
			.userTask(taskId)
			.camundaCandidateGroups("community-leaders")
			.boundaryEvent(taskId + "-reminder")
			.cancelActivity(false)
			.timerWithDuration("P2D")
			.endEvent("reminded")
			.moveToActivity(taskId)
			.endEvent("done")
			.done();
		this.deployments.add(engine().getRepositoryService()
			.createDeployment()
			.addModelInstance(key + ".bpmn", model)
			.deploy()
			.getId());
	}

	private String deploy(String folder, String... patterns) {
		DeploymentBuilder deployment = engine().getRepositoryService().createDeployment().name(folder);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : patterns) {
				for (Resource resource : resolver.getResources(pattern)) {
					try (InputStream in = resource.getInputStream()) {
						deployment.addInputStream(resource.getFilename(), in);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String id = deployment.deploy().getId();
		this.deployments.add(id);
		return id;
	}

	private Job timer(ProcessInstance instance) {
		return engine().getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private ProcessDefinition latest(String key) {
		return engine().getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
	}

	private ProcessDefinition definition(String key, int version) {
		return engine().getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
	}

	private static ProcessEngine engine() {
		return extension.getProcessEngine();
	}

}
