package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} and the forms of {@code forms/} as one
 * deployment, under names relative to the classpath
 * ({@code processes/establishment.bpmn}), once the engine is built.
 * <p>
 * The starter's auto-deployment names resources by their absolute path when run from
 * {@code target/classes} and by their bare name in the jar, so a node started one way
 * after the other would redeploy everything. With stable names and duplicate filtering, a
 * restart or a second node deploys nothing new. Models and forms always go together,
 * since user tasks bind their forms with {@code formRefBinding="deployment"}.
 * <p>
 * Then the running instances of older versions of these models move to the current ones
 * ({@link ModelMigration}, docs/adr/0023-models-change-while-communities-run.md), unless
 * {@code lifecycle.models.migrate-on-start} is false.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	static final String DEPLOYMENT_NAME = "community-lifecycle";

	private static final List<String> FOLDERS = List.of("processes/", "forms/");

	private static final List<String> PATTERNS = List.of("classpath*:processes/**/*.bpmn",
			"classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

	private final boolean migrateOnStart;

	ModelDeployment(@Value("${lifecycle.models.migrate-on-start:true}") boolean migrateOnStart) {
		this.migrateOnStart = migrateOnStart;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(false);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : PATTERNS) {
				for (Resource resource : resolver.getResources(pattern)) {
					try (InputStream in = resource.getInputStream()) {
						deployment.addInputStream(relativeName(resource), in);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the models to deploy", ex);
		}
		String id = deployment.deploy().getId();
		log.info("Models and forms deployed as {} (deployment {})", DEPLOYMENT_NAME, id);
		if (this.migrateOnStart) {
			Set<String> keys = engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.deploymentId(id)
				.list()
				.stream()
				.map(ProcessDefinition::getKey)
				.collect(Collectors.toSet());
			new ModelMigration(engine).migrateToLatest(keys);
		}
	}

	/**
	 * {@code .../target/classes/forms/x.form} or
	 * {@code jar:...!/BOOT-INF/classes!/forms/x.form} to {@code forms/x.form}.
	 */
	static String relativeName(Resource resource) throws IOException {
		String url = resource.getURL().toString();
		for (String folder : FOLDERS) {
			int at = url.lastIndexOf("/" + folder);
			if (at >= 0) {
				return url.substring(at + 1);
			}
		}
		throw new IllegalStateException("Not a model or a form: " + url);
	}

}
