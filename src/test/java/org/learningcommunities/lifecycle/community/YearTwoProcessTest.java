package org.learningcommunities.lifecycle.community;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.learningcommunities.lifecycle.EngineOnlyTests;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine-only tests of {@code year-two.bpmn}; the situations are those of
 * {@link AbstractYearProcessTest}.
 */
@Deployment(resources = { "processes/year-two.bpmn", "forms/summarize-year.form", "forms/sign-stage-gate.form" })
class YearTwoProcessTest extends AbstractYearProcessTest {

	@RegisterExtension
	static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension
		.builder(EngineOnlyTests.CONFIGURATION)
		.assertClassCoverageAtLeast(1.0)
		.build();

	YearTwoProcessTest() {
		super(Stage.YEAR_TWO.processKey());
	}

}
