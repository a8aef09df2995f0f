package org.learningcommunities.lifecycle;

/**
 * What engine-only process tests share.
 */
public final class EngineOnlyTests {

	/**
	 * The engine of engine-only tests (in-memory, coverage, mock expressions). Not named
	 * {@code camunda.cfg.xml}: under that name Camunda's {@code ProcessEngines} would
	 * build it as the "default" engine inside the end-to-end tests too, where the engine
	 * REST API would then find it instead of the application's engine.
	 */
	public static final String CONFIGURATION = "engine-only.cfg.xml";

	private EngineOnlyTests() {
	}

}
