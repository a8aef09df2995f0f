package org.learningcommunities.lifecycle.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each test method of a Spring test, makes the test's own process engine the one
 * Camunda's static registry ({@link ProcessEngines}) answers for its name. Several
 * application contexts live in one test JVM (Spring caches them), each with an engine
 * named {@code default}; Camunda's REST authentication filter looks the engine up in that
 * registry, so without this it would sign the user in on another context's engine, and
 * our code, reading its own engine, would see nobody (a 401 seen in CI when
 * {@code BoardApiIT} ran after {@code AuthorizationMatrixIT}). Registered in
 * {@code src/test/resources/META-INF/spring.factories}, so no test class has to remember
 * it.
 */
public class ThisContextsEngineTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
	}

	@Override
	public int getOrder() {
		// after the dependency injection listener, which loads the context
		return 2100;
	}

}
