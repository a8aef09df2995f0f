package org.learningcommunities.lifecycle.bench;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ProcessEngine;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;

import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * The bare model ({@link BareEngine#model}) deployed into the application's own engine
 * and driven exactly as {@link Journey} drives a community: over the engine REST API,
 * with HTTP basic authentication, each task found with {@code GET /engine-rest/task} and
 * completed with {@code POST /engine-rest/task/{id}/submit-form}, each timer found with
 * {@code GET /engine-rest/job} and run with {@code POST /engine-rest/job/{id}/execute}.
 * Same JVM, same database, same engine settings (authorization, full history) as the
 * application: what differs is only what the application's models, forms, listeners,
 * delegates and tables do. The engine's plug-ins stay on for it as for every process (the
 * per-community grant on start finds no community for its business key; the open task
 * table of progress records its tasks), so this part of ours is in both.
 */
final class BareOverRest {

	static final String KEY = "bench-bare-rest";

	private final LifecycleRestClient client;

	private final int tasks;

	private final int timers;

	BareOverRest(ProcessEngine engine, LifecycleRestClient client, int tasks, int timers) {
		this.client = client;
		this.tasks = tasks;
		this.timers = timers;
		engine.getRepositoryService()
			.createDeployment()
			.name(KEY)
			.addModelInstance(KEY + ".bpmn", BareEngine.model(tasks, timers, KEY))
			.deploy();
	}

	/**
	 * Drives one instance to its end as the project manager (who may work on every task).
	 * @return the count of task completions and timer executions
	 */
	int[] drive(String businessKey) {
		Answer started = this.client.post(MANAGER, "/engine-rest/process-definition/key/" + KEY + "/start",
				Map.of("businessKey", businessKey));
		Journey.check(started.status().value() == 200, "start of " + businessKey + ": " + started);
		String instanceId = started.body().path("id").asText();
		int completed = 0;
		int fired = 0;
		while (true) {
			JsonNode open = this.client.get(MANAGER, "/engine-rest/task?processInstanceBusinessKey=" + businessKey)
				.body();
			if (open.size() > 0) {
				for (JsonNode task : open) {
					Answer answer = this.client.submitTask(MANAGER, task.path("id").asText(), Map.of());
					Journey.check(answer.status().value() == 204, "task " + task.path("id").asText() + ": " + answer);
					completed++;
				}
				continue;
			}
			JsonNode jobs = this.client.get(MANAGER, "/engine-rest/job?processInstanceId=" + instanceId).body();
			if (jobs.size() == 0) {
				break;
			}
			for (JsonNode job : jobs) {
				// only administrators run jobs (docs/adr/0021)
				Answer executed = this.client.post("admin", "/engine-rest/job/" + job.path("id").asText() + "/execute",
						Map.of());
				Journey.check(executed.status().value() == 204, "job of " + businessKey + ": " + executed);
				fired++;
			}
		}
		Journey.check(completed == this.tasks && fired == this.timers,
				"bare instance over REST did " + completed + " tasks and " + fired + " timers");
		return new int[] { completed, fired };
	}

}
