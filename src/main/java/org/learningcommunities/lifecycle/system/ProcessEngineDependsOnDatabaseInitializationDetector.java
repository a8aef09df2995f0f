package org.learningcommunities.lifecycle.system;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway. Without it Camunda creates its ACT_* tables
 * first and Flyway then refuses a schema that is not empty
 * (docs/adr/0001-flyway-before-the-engine.md). Registered in META-INF/spring.factories.
 */
public class ProcessEngineDependsOnDatabaseInitializationDetector
		extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class, ProcessEngineConfiguration.class);
	}

}
