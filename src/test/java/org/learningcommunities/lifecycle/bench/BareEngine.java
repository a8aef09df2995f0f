package org.learningcommunities.lifecycle.bench;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * A Camunda engine with nothing of ours: no Spring, no listeners, no forms, no tables of
 * our own, and a generated model of a straight line of user tasks with timers spread
 * between them. Same history level (full), history time to live and removal-time strategy
 * as the application, its own in-memory H2 database.
 */
final class BareEngine implements AutoCloseable {

	static final String KEY = "bare-lifecycle";

	private final ProcessEngine engine;

	private final int tasks;

	private final int timers;

	BareEngine(int tasks, int timers) {
		this.tasks = tasks;
		this.timers = timers;
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("bare");
		configuration.setJdbcUrl("jdbc:h2:mem:bench-bare;DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0");
		configuration.setJdbcMaxActiveConnections(30);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setHistoryTimeToLive("P1825D");
		this.engine = configuration.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(KEY + ".bpmn", model(tasks, timers))
			.deploy();
	}

	/** {@code tasks} user tasks in a line, a timer after every tasks/timers of them. */
	static BpmnModelInstance model(int tasks, int timers) {
		return model(tasks, timers, KEY);
	}

	/** The same model under another process key. */
	static BpmnModelInstance model(int tasks, int timers, String key) {
		AbstractFlowNodeBuilder<?, ?> line = Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1825)
			.startEvent("start");
		int timersPlaced = 0;
		for (int i = 1; i <= tasks; i++) {
			line = line.userTask("task-" + i).camundaCandidateGroups("community-leaders");
			while (timersPlaced < timers && (long) (timersPlaced + 1) * tasks <= (long) i * timers) {
				timersPlaced++;
				line = line.intermediateCatchEvent("timer-" + timersPlaced).timerWithDuration("P1D");
			}
		}
		while (timersPlaced < timers) {
			timersPlaced++;
			line = line.intermediateCatchEvent("timer-" + timersPlaced).timerWithDuration("P1D");
		}
		return line.endEvent("end").done();
	}

	/** Starts instances that wait at their first task, as active communities do. */
	void startWaiting(int count, String prefix) {
		for (int i = 0; i < count; i++) {
			this.engine.getRuntimeService().startProcessInstanceByKey(KEY, prefix + i);
		}
	}

	/**
	 * Drives one instance to its end: completes each task, executes each timer job.
	 * @return the count of task completions and timer executions
	 */
	int[] drive(String businessKey) {
		ProcessInstance instance = this.engine.getRuntimeService().startProcessInstanceByKey(KEY, businessKey);
		int completed = 0;
		int fired = 0;
		while (true) {
			List<Task> open = this.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
			if (!open.isEmpty()) {
				for (Task task : open) {
					this.engine.getTaskService().complete(task.getId());
					completed++;
				}
				continue;
			}
			List<Job> jobs = this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.list();
			if (jobs.isEmpty()) {
				break;
			}
			for (Job job : jobs) {
				this.engine.getManagementService().executeJob(job.getId());
				fired++;
			}
		}
		Journey.check(completed == this.tasks && fired == this.timers,
				"bare instance did " + completed + " tasks and " + fired + " timers");
		return new int[] { completed, fired };
	}

	@Override
	public void close() {
		this.engine.close();
	}

}
