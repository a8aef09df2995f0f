package org.learningcommunities.lifecycle.identity;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list's matching and the gate's reading of paths, without a server
 * (docs/adr/0021): an engine id never matches a word of the API, and a path written
 * another way (an engine's name, the webapps' prefix) is the same call, while a path that
 * could be read two ways matches nothing.
 */
class EngineApiRulesTests {

	private static final String TASK = "5f0c3c1e-f26c-11f1-8d33-02fc00000001";

	private static final String DEFINITION = "community-lifecycle:1:8b190af8-f26c-11f1-8d33-02fc00000001";

	private static final List<String> LEADER = List.of(Groups.COMMUNITY_LEADERS);

	private static final List<String> MANAGER = List.of(Groups.PROJECT_MANAGERS);

	private final EngineApiGuard guard = new EngineApiGuard(null, null, null, "/camunda");

	@Test
	void anIdNeverMatchesAWordOfTheApi() {
		assertThat(allowed("GET", "process-definition/" + DEFINITION, LEADER)).isTrue();
		assertThat(allowed("GET", "process-definition/statistics", LEADER)).isFalse();
		assertThat(allowed("GET", "process-definition/statistics", MANAGER)).isTrue();
		assertThat(allowed("GET", "history/process-instance/report", LEADER)).isFalse();
		assertThat(allowed("POST", "process-instance/delete", MANAGER)).isFalse();
		assertThat(allowed("POST", "task/create", MANAGER)).isFalse();
	}

	@Test
	void variablesAreReadButNeverWrittenOutsideAForm() {
		for (String method : List.of("PUT", "POST", "DELETE")) {
			for (String path : List.of("task/" + TASK + "/variables/leader", "task/" + TASK + "/localVariables/x",
					"process-instance/" + TASK + "/variables/leader", "execution/" + TASK + "/localVariables/x")) {
				assertThat(allowed(method, path, MANAGER)).as("%s %s", method, path).isFalse();
			}
		}
		assertThat(allowed("POST", "task/" + TASK + "/variables", LEADER)).isFalse();
		assertThat(allowed("GET", "task/" + TASK + "/variables/leader", LEADER)).isTrue();
		assertThat(allowed("POST", "task/" + TASK + "/submit-form", LEADER)).isTrue();
	}

	@Test
	void aUserWithoutAGroupSignsInAndChangesTheirOwnPasswordOnly() {
		assertThat(EngineApiRules.find("PUT", List.of("user", "dana", "credentials"), List.of(), "dana")).isPresent();
		assertThat(EngineApiRules.find("PUT", List.of("user", "admin", "credentials"), List.of(), "dana")).isEmpty();
		assertThat(EngineApiRules.find("PUT", List.of("user", "dana", "profile"), List.of(), "dana")).isEmpty();
		assertThat(EngineApiRules.find("DELETE", List.of("user", "dana"), List.of(), "dana")).isEmpty();
		assertThat(EngineApiRules.find("GET", List.of("task"), List.of(), "dana")).isEmpty();
	}

	@Test
	void handingATaskOverIsChecked() {
		assertThat(
				EngineApiRules.find("POST", List.of("task", TASK, "assignee"), LEADER, "leader").orElseThrow().check())
			.isEqualTo(EngineApiRules.Check.HAND_OVER);
		assertThat(EngineApiRules.find("POST", List.of("task", TASK, "claim"), LEADER, "leader").orElseThrow().check())
			.isEqualTo(EngineApiRules.Check.CLAIM);
		assertThat(allowed("POST", "task/" + TASK + "/delegate", MANAGER)).isFalse();
		assertThat(allowed("POST", "task/" + TASK + "/identity-links", MANAGER)).isFalse();
		assertThat(allowed("PUT", "task/" + TASK, MANAGER)).isFalse();
		assertThat(allowed("OPTIONS", "filter", LEADER)).isTrue();
		assertThat(allowed("OPTIONS", "task/" + TASK, LEADER)).isFalse();
	}

	@Test
	void theSameCallReadsTheSameWhateverItsPrefix() {
		List<String> variables = List.of("task", TASK, "variables");
		assertThat(path("/engine-rest/task/" + TASK + "/variables")).contains(variables);
		assertThat(path("/engine-rest/engine/default/task/" + TASK + "/variables")).contains(variables);
		assertThat(path("/camunda/api/engine/engine/default/task/" + TASK + "/variables/")).contains(variables);
		assertThat(path("/engine-rest/engine/")).contains(List.of("engine"));
		assertThat(path("/camunda/api/engine/engine/")).contains(List.of("engine"));
	}

	@Test
	void aPathThatCouldBeReadTwoWaysMatchesNothing() {
		for (String path : List.of("/engine-rest/task//" + TASK, "/engine-rest/task/./" + TASK,
				"/engine-rest/task;x=1/" + TASK, "/engine-rest/task%2F" + TASK + "/variables",
				"/engine-rest/task/../job/" + TASK + "/execute")) {
			assertThat(path(path)).as(path).isEmpty();
		}
	}

	private static boolean allowed(String method, String path, List<String> groups) {
		return EngineApiRules.find(method, List.of(path.split("/")), groups, "someone").isPresent();
	}

	private Optional<List<String>> path(String uri) {
		return this.guard.enginePath(new MockHttpServletRequest("GET", uri));
	}

}
