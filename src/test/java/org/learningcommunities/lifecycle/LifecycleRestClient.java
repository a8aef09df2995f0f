package org.learningcommunities.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the running application the way Tasklist and the contract's clients do: the
 * engine REST API and our JSON API, over HTTP, as a demo user (HTTP basic, password =
 * user id). Form values are sent untyped, as Tasklist sends them; a {@link JsonList} is
 * sent as a {@code Json} variable and a {@link JsonText} as a {@code String} variable
 * holding JSON.
 */
public final class LifecycleRestClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate rest;

	public LifecycleRestClient(TestRestTemplate rest) {
		this.rest = rest;
	}

	// the lifecycle's start form
	// -----------------------------------------------------------------------------------

	/**
	 * {@code POST /engine-rest/process-definition/key/community-lifecycle/submit-form}.
	 */
	public Answer startCommunity(String user, String businessKey, Map<String, Object> form) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (businessKey != null) {
			body.put("businessKey", businessKey);
		}
		body.put("variables", variables(form));
		return post(user, "/engine-rest/process-definition/key/community-lifecycle/submit-form", body);
	}

	// tasks
	// --------------------------------------------------------------------------------------------------------

	/** The open tasks of a community with the given key that the user may see. */
	public List<JsonNode> tasks(String user, String communityCode, String taskKey) {
		String path = UriComponentsBuilder.fromPath("/engine-rest/task")
			.queryParam("processInstanceBusinessKey", communityCode)
			.queryParam("taskDefinitionKey", taskKey)
			.toUriString();
		Answer answer = get(user, path);
		assertThat(answer.status().value()).as("GET %s as %s", path, user).isEqualTo(200);
		List<JsonNode> tasks = new ArrayList<>();
		answer.body().forEach(tasks::add);
		return tasks;
	}

	/** The one open task of a community with the given key, as the user sees it. */
	public JsonNode task(String user, String communityCode, String taskKey) {
		List<JsonNode> tasks = tasks(user, communityCode, taskKey);
		assertThat(tasks).as("open %s tasks of %s visible to %s", taskKey, communityCode, user).hasSize(1);
		return tasks.get(0);
	}

	/**
	 * The one open task of a community with the given key that is assigned to the user.
	 */
	public JsonNode taskAssignedTo(String user, String communityCode, String taskKey) {
		List<JsonNode> tasks = tasks(user, communityCode, taskKey).stream()
			.filter((task) -> user.equals(task.path("assignee").asText()))
			.toList();
		assertThat(tasks).as("open %s tasks of %s assigned to %s", taskKey, communityCode, user).hasSize(1);
		return tasks.get(0);
	}

	/** {@code POST /engine-rest/task/{id}/submit-form}. */
	public Answer submitTask(String user, String taskId, Map<String, Object> form) {
		return post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables(form)));
	}

	/**
	 * Finds the one open task with that key and submits the form; fails unless the engine
	 * accepts it.
	 */
	public void complete(String user, String communityCode, String taskKey, Map<String, Object> form) {
		JsonNode task = task(user, communityCode, taskKey);
		Answer answer = submitTask(user, task.path("id").asText(), form);
		assertThat(answer.status().value()).as("%s of %s submitted by %s: %s", taskKey, communityCode, user, answer)
			.isEqualTo(204);
	}

	/**
	 * {@code GET /engine-rest/task/{id}/form-variables?deserializeValues=false} (as
	 * Tasklist asks: Json variables come as JSON text): the values the form opens with,
	 * by field key.
	 */
	public JsonNode formVariables(String user, String taskId) {
		Answer answer = get(user, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
		assertThat(answer.status().value()).as("form variables of task %s: %s", taskId, answer).isEqualTo(200);
		return answer.body();
	}

	/** The candidate groups of a task, from its identity links. */
	public List<String> candidateGroups(String user, String taskId) {
		Answer answer = get(user, "/engine-rest/task/" + taskId + "/identity-links?type=candidate");
		assertThat(answer.status().value()).as("identity links of task %s: %s", taskId, answer).isEqualTo(200);
		List<String> groups = new ArrayList<>();
		answer.body().forEach((link) -> {
			if (link.hasNonNull("groupId")) {
				groups.add(link.get("groupId").asText());
			}
		});
		return groups;
	}

	// our API
	// ------------------------------------------------------------------------------------------------------

	/** {@code GET /api/communities/{code}}, which must exist. */
	public JsonNode community(String user, String code) {
		Answer answer = get(user, "/api/communities/" + code);
		assertThat(answer.status().value()).as("GET /api/communities/%s: %s", code, answer).isEqualTo(200);
		return answer.body();
	}

	// plain HTTP
	// ---------------------------------------------------------------------------------------------------

	/** GET as a demo user, or without credentials when {@code user} is null. */
	public Answer get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null);
	}

	public Answer post(String user, String path, Object body) {
		return exchange(user, HttpMethod.POST, path, body);
	}

	public Answer put(String user, String path, Object body) {
		return exchange(user, HttpMethod.PUT, path, body);
	}

	public Answer delete(String user, String path) {
		return exchange(user, HttpMethod.DELETE, path, null);
	}

	private Answer exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (user != null) {
			headers.setBasicAuth(user, user);
		}
		ResponseEntity<String> response = this.rest.exchange(path, method, new HttpEntity<>(body, headers),
				String.class);
		return new Answer(response.getStatusCode(), parse(response.getBody()));
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

	/**
	 * Form values as engine REST variables: untyped values, lists as Tasklist sends them.
	 */
	public static Map<String, Object> variables(Map<String, Object> form) {
		Map<String, Object> variables = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			Map<String, Object> variable = new LinkedHashMap<>();
			if (value instanceof JsonList list) {
				variable.put("value", list.json());
				variable.put("type", "Json");
			}
			else if (value instanceof JsonText text) {
				variable.put("value", text.json());
				variable.put("type", "String");
			}
			else {
				variable.put("value", value);
			}
			variables.put(key, variable);
		});
		return variables;
	}

	/** A form's values in order: {@code key, value, key, value...}. */
	public static Map<String, Object> form(Object... keysAndValues) {
		Map<String, Object> form = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return form;
	}

	/**
	 * A copy of a form with one value replaced ({@code null} included, as an emptied
	 * field).
	 */
	public static Map<String, Object> with(Map<String, Object> form, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(form);
		copy.put(key, value);
		return copy;
	}

	/** A copy of a form without a field, as a client that leaves it out. */
	public static Map<String, Object> without(Map<String, Object> form, String key) {
		Map<String, Object> copy = new LinkedHashMap<>(form);
		copy.remove(key);
		return copy;
	}

	/**
	 * An HTTP answer with its JSON body (the engine's errors carry {@code type} and
	 * {@code message}).
	 */
	public record Answer(HttpStatusCode status, JsonNode body) {

		public String message() {
			return this.body.path("message").asText("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

	/** A checklist value the way Tasklist sends it: a variable of type {@code Json}. */
	public record JsonList(List<String> items) {

		public static JsonList of(String... items) {
			return new JsonList(List.of(items));
		}

		String json() {
			return toJson(this.items);
		}

	}

	/** A checklist value as a plain {@code String} variable holding a JSON list. */
	public record JsonText(List<String> items) {

		public static JsonText of(String... items) {
			return new JsonText(List.of(items));
		}

		String json() {
			return toJson(this.items);
		}

	}

	private static String toJson(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
