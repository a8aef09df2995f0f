package org.learningcommunities.lifecycle.recruitment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.awaitility.Awaitility;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a community through the running application the way Tasklist does, over the
 * engine REST API as the demo users (password = user id): starts it, walks it through
 * establishment into year one, and finds and submits its tasks. Form values are sent
 * untyped, as Tasklist sends them; checklists as {@code Json} variables.
 */
final class CommunityOverRest {

	static final String MANAGER = "manager";

	static final String LEADER = "leader";

	static final String FOUNDATION = "foundation";

	static final String MINISTRY = "ministry";

	/** The regions and sectors the community mix asks for. */
	static final List<String> REGIONS = List.of("north", "haifa", "south");

	static final List<String> SECTORS = List.of("jewish", "arab");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate rest;

	CommunityOverRest(TestRestTemplate rest) {
		this.rest = rest;
	}

	/**
	 * Starts a community (target size 35) and does every establishment step, each by its
	 * owner, up to the signed stage gate, and both partners approve year one's work plan:
	 * the community is then in year one, where the leader drafts the call for
	 * applications. The mix asks for {@link #REGIONS}, {@link #SECTORS}, 40% of each
	 * gender and three years of seniority.
	 */
	void establish(String code) {
		Answer started = post(MANAGER, "/engine-rest/process-definition/key/community-lifecycle/submit-form",
				Map.of("businessKey", code, "variables",
						variables(form("name", "Economic development " + code, "code", code, "professionalField",
								"Economic development", "leader", LEADER, "foundationRep", FOUNDATION, "ministryRep",
								MINISTRY, "professionalPartner", "Ministry of Interior", "plannedStart", "2026-09-01",
								"targetSize", 35))));
		assertThat(started.status()).as("start of %s: %s", code, started).isEqualTo(200);
		complete(MANAGER, code, "recruit-partners",
				form("partnerOrganisations", "Rashi Foundation; Ministry of Interior", "agreedBudget", 250000, "vision",
						"Authorities that plan their economy together", "responsibilities",
						"The foundation leads, the ministry hosts", "forumsAndRoutines", "Steering committee"));
		complete(LEADER, code, "map-needs", form("dataSources", "Survey", "needs", "Officers work alone"));
		complete(LEADER, code, "draft-goals", form("goals", "Shared tools", "targets", "Ten joint projects"));
		for (String partner : List.of(FOUNDATION, MINISTRY)) {
			complete(partner, code, "confirm-goals", form("goalsDecision", "confirm"));
		}
		complete(MANAGER, code, "plan-evaluation",
				form("centralGovernment", "Policy papers", "localAuthorities", "Council plans", "communityAndMembers",
						"Surveys", "organisationalEnvelope", "Budget kept", "evaluator", "The foundation's R&D unit"));
		complete(LEADER, code, "define-community-mix",
				form("targetRoles", "Economic development officers", "minSeniorityYears", 3, "minShareEachGenderPct",
						40, "sectors", new JsonList(SECTORS), "regions", new JsonList(REGIONS)));
		complete(MANAGER, code, "sign-stage-gate", form("gateDecision", "sign"));
		new WorkPlanSteps(new LifecycleRestClient(this.rest)).approveQuickly(code);
	}

	/**
	 * The open tasks with that key of the community assigned to the user, or offered to
	 * them when nobody is assigned.
	 */
	List<JsonNode> tasks(String user, String code, String taskKey) {
		String path = UriComponentsBuilder.fromPath("/engine-rest/task")
			.queryParam("processInstanceBusinessKey", code)
			.queryParam("taskDefinitionKey", taskKey)
			.toUriString();
		Answer answer = get(user, path);
		assertThat(answer.status()).as("GET %s as %s: %s", path, user, answer).isEqualTo(200);
		List<JsonNode> tasks = new ArrayList<>();
		answer.body().forEach((task) -> {
			if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
				tasks.add(task);
			}
		});
		return tasks;
	}

	/** The one open task with that key of the community for the user. */
	JsonNode task(String user, String code, String taskKey) {
		List<JsonNode> tasks = tasks(user, code, taskKey);
		assertThat(tasks).as("open %s tasks of %s for %s", taskKey, code, user).hasSize(1);
		return tasks.get(0);
	}

	/**
	 * The one open task with the key, once it is there: for a task that follows a job the
	 * job executor runs (such as recruitment's count of the open admissions).
	 */
	JsonNode awaitTask(String user, String code, String taskKey) {
		Awaitility.await(taskKey + " of " + code)
			.atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !tasks(user, code, taskKey).isEmpty());
		return task(user, code, taskKey);
	}

	/** {@code POST /engine-rest/task/{id}/submit-form} with the form's values. */
	Answer submit(String user, String taskId, Map<String, Object> form) {
		return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables(form)));
	}

	/** Submits the form of the community's one open task with that key; it must pass. */
	void complete(String user, String code, String taskKey, Map<String, Object> form) {
		Answer answer = submit(user, task(user, code, taskKey).path("id").asText(), form);
		assertThat(answer.status()).as("%s of %s submitted by %s: %s", taskKey, code, user, answer).isEqualTo(204);
	}

	/**
	 * The values a task's form opens with, by field key, as Tasklist asks for them (Json
	 * variables as JSON text).
	 */
	JsonNode formVariables(String user, String taskId) {
		Answer answer = get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
		assertThat(answer.status()).as("form variables of task %s: %s", taskId, answer).isEqualTo(200);
		return answer.body();
	}

	Answer get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null);
	}

	Answer post(String user, String path, Object body) {
		return exchange(user, HttpMethod.POST, path, body);
	}

	private Answer exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, user);
		ResponseEntity<String> response = this.rest.exchange(path, method, new HttpEntity<>(body, headers),
				String.class);
		return new Answer(response.getStatusCode().value(), parse(response.getBody()));
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(body);
		}
		catch (JsonProcessingException ex) {
			return JSON.getNodeFactory().textNode(body);
		}
	}

	/** A form's values in order: {@code key, value, key, value...}. */
	static Map<String, Object> form(Object... keysAndValues) {
		Map<String, Object> form = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return form;
	}

	private static Map<String, Object> variables(Map<String, Object> form) {
		Map<String, Object> variables = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			Map<String, Object> variable = new LinkedHashMap<>();
			if (value instanceof JsonList list) {
				variable.put("value", list.json());
				variable.put("type", "Json");
			}
			else {
				variable.put("value", value);
			}
			variables.put(key, variable);
		});
		return variables;
	}

	/** An HTTP answer with its JSON body (the engine's errors carry a message). */
	record Answer(int status, JsonNode body) {

		String message() {
			return this.body.path("message").asText("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

	/** A checklist as Tasklist sends it: a {@code Json} variable. */
	record JsonList(List<String> items) {

		String json() {
			try {
				return JSON.writeValueAsString(this.items);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

}
