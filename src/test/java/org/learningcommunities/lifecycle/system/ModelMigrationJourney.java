package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * Communities running while their models change
 * (docs/adr/0023-models-change-while-communities-run.md), through the whole application:
 * one community is taken to mid-year on the models of the last release
 * ({@code src/test/resources/releases/v0.1.0}), then the current models are deployed
 * (what an upgrade's start does) and a second community is taken to mid-year on them.
 * With both versions running, the board counts each community's open tasks and the
 * planning sheets' reminders go out. Then the first community's instances are migrated,
 * every one to its model's latest version, and both communities go on to year two: every
 * step, job and mail once. Run on H2 ({@link ModelMigrationIT}) and PostgreSQL
 * ({@link ModelMigrationPostgresIT}).
 */
abstract class ModelMigrationJourney {

	private static final TestMailServer smtp = new TestMailServer();

	private static final GreenMail mailServer = smtp.server();

	private static final String OLD = "migrated-2026";

	private static final String NEW = "current-2026";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private ProcessEngine engine;

	@Value("${spring.datasource.url}")
	private String url;

	@Value("${spring.datasource.username}")
	private String user;

	@Value("${spring.datasource.password:}")
	private String password;

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry properties) {
		smtp.register(properties);
		// timers made due through REST are found within a second
		properties.add("camunda.bpm.job-execution.max-wait", () -> 1000);
	}

	@BeforeAll
	static void startMailServer() {
		mailServer.start();
	}

	@AfterAll
	static void stopMailServer() {
		mailServer.stop();
	}

	@Test
	void aCommunityMidYearOnTheLastReleasesModelsIsMigratedAndGoesOnBesideOneOnTheCurrentModels() {
		YearOneDrive drive = new YearOneDrive(this.rest);
		LifecycleRestClient client = new LifecycleRestClient(this.rest);

		// given: a community in the middle of year one on the last release's models
		deploy("releases/v0.1.0/");
		drive.upToMidYear(OLD);
		// and: the current models deployed, and a community in the middle of year one on
		// them
		String current = deploy("");
		drive.upToMidYear(NEW);
		Set<String> currentDefinitions = definitionsOf(current);
		assertThat(instancesOf(OLD)).as("instances of %s", OLD).isNotEmpty().noneMatch(currentDefinitions::contains);
		assertThat(instancesOf(NEW)).as("instances of %s", NEW).isNotEmpty().allMatch(currentDefinitions::contains);

		// when: both versions run side by side, the planning sheets' reminders fall due
		for (String code : List.of(OLD, NEW)) {
			assertThat(drive.makeDue(code, "plan-meeting-reminder")).isEqualTo(YearOneDrive.MEETINGS);
		}
		drive.awaitNoDueJobs();
		// then: the board counts each community's open tasks, whatever its version
		assertBoardCountsTheEnginesOpenTasks(client);

		// when: the instances of older versions are migrated to the current ones
		List<ModelMigration.Outcome> outcomes = new ModelMigration(this.engine)
			.migrateToLatest(this.engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.deploymentId(current)
				.list()
				.stream()
				.map(ProcessDefinition::getKey)
				.collect(Collectors.toSet()));

		// then: every instance of the first community moved, none was refused
		assertThat(outcomes).as("migrations").isNotEmpty().allSatisfy((outcome) -> {
			assertThat(outcome.failures()).as("instances refused").isEmpty();
			assertThat(outcome.migrated()).isPositive();
		});
		assertThat(instancesOf(OLD)).as("instances of %s after the migration", OLD)
			.isNotEmpty()
			.allMatch(currentDefinitions::contains);
		assertBoardCountsTheEnginesOpenTasks(client);

		// when: the meeting notices fall due, and both years go on to year two
		for (String code : List.of(OLD, NEW)) {
			assertThat(drive.makeDue(code, "meeting-notice-due")).isEqualTo(YearOneDrive.MEETINGS);
		}
		drive.awaitNoDueJobs();
		drive.fromMidYearToYearTwo(OLD);
		drive.fromMidYearToYearTwo(NEW);
		drive.awaitNoDueJobs();

		// then: every step once, every job once, every mail once
		RunLedger ledger = new RunLedger(this.url, this.user, this.password);
		for (String code : List.of(OLD, NEW)) {
			ledger.assertStepsOnce(code, YearOneDrive.expectedTasks(),
					List.of("ESTABLISHMENT", "YEAR_ONE", "YEAR_TWO"));
		}
		ledger.assertEveryJobExecutedAtMostOnce();
		Map<String, Integer> mails = ledger.assertEveryMailExactlyOnce(Arrays.asList(mailServer.getReceivedMessages()));
		assertThat(mails).containsEntry("candidate-admitted", 2 * YearOneDrive.MEMBERS)
			.containsEntry("meeting-notice", 2 * YearOneDrive.MEETINGS * YearOneDrive.NOTICES_PER_MEETING)
			.containsEntry("reminder", 2 * YearOneDrive.MEETINGS);
	}

	private void assertBoardCountsTheEnginesOpenTasks(LifecycleRestClient client) {
		for (String code : List.of(OLD, NEW)) {
			assertThat(client.community(MANAGER, code).path("openTasks").asInt())
				.as("open tasks of %s on the board", code)
				.isPositive()
				.isEqualTo(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).count());
		}
	}

	/** The process definitions the community's running instances are on. */
	private List<String> instancesOf(String code) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.list()
			.stream()
			.map(ProcessInstance::getProcessDefinitionId)
			.toList();
	}

	private Set<String> definitionsOf(String deployment) {
		return this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(deployment)
			.list()
			.stream()
			.map(ProcessDefinition::getId)
			.collect(Collectors.toSet());
	}

	/**
	 * Deploys the models and forms under {@code prefix} (the classpath root: the current
	 * ones) as {@link ModelDeployment} does, but whether or not they changed: a new
	 * version of every model.
	 */
	private String deploy(String prefix) {
		DeploymentBuilder deployment = this.engine.getRepositoryService()
			.createDeployment()
			.name(ModelDeployment.DEPLOYMENT_NAME)
			.source(ModelDeployment.DEPLOYMENT_NAME);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form")) {
				for (Resource resource : resolver.getResources("classpath*:" + prefix + pattern)) {
					try (InputStream in = resource.getInputStream()) {
						deployment.addInputStream(
								pattern.substring(0, pattern.indexOf('/') + 1) + resource.getFilename(), in);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return deployment.deploy().getId();
	}

}
