package org.learningcommunities.lifecycle.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the running instances of older versions of our models onto the current version
 * (the latest one deployed), with Camunda's migration API: every activity maps to the
 * activity of the same id ({@code mapEqualActivities}), and an activity the current
 * version no longer has maps where {@code model-changes/<key>.properties} says
 * ({@link ModelChanges}). Runs at every start of a node, right after
 * {@link ModelDeployment}, before the node serves requests or runs jobs
 * (docs/adr/0023-models-change-while-communities-run.md).
 * <p>
 * An instance that cannot move (it waits in an activity that has no counterpart) stays on
 * its version, where it goes on running, and an ERROR names it, its version and the
 * activity: an administrator adds the mapping and restarts. Custom listeners and
 * input/output mappings are skipped: a migration moves a community to where it already
 * is, it does not do the steps again.
 */
final class ModelMigration {

	private static final Logger log = LoggerFactory.getLogger(ModelMigration.class);

	/** Instances migrated per transaction. */
	private static final int CHUNK = 200;

	private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	ModelMigration(ProcessEngine engine) {
		this.runtime = engine.getRuntimeService();
		this.repository = engine.getRepositoryService();
	}

	/**
	 * Migrates the instances of every older version of the given models to each model's
	 * latest version.
	 * @return what was done, one outcome per older version that had instances
	 */
	List<Outcome> migrateToLatest(Collection<String> processKeys) {
		List<Outcome> outcomes = new ArrayList<>();
		for (String key : new TreeSet<>(processKeys)) {
			ProcessDefinition latest = this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult();
			if (latest == null) {
				continue;
			}
			List<ProcessDefinition> older = this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.orderByProcessDefinitionVersion()
				.asc()
				.list()
				.stream()
				.filter((definition) -> definition.getVersion() < latest.getVersion())
				.toList();
			for (ProcessDefinition source : older) {
				long running = this.runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
				if (running > 0) {
					outcomes.add(migrateOrReport(source, latest));
				}
			}
		}
		return outcomes;
	}

	/**
	 * A migration that fails does not stop the node: its instances go on running on their
	 * version, and the ERROR says why.
	 */
	private Outcome migrateOrReport(ProcessDefinition source, ProcessDefinition target) {
		try {
			return migrate(source, target);
		}
		catch (RuntimeException ex) {
			log.error("Instances of {} version {} stay on it: {}", source.getKey(), source.getVersion(),
					ex.getMessage(), ex);
			return new Outcome(source.getKey(), source.getVersion(), target.getVersion(), 0, List.of(ex.getMessage()));
		}
	}

	private Outcome migrate(ProcessDefinition source, ProcessDefinition target) {
		Plan plan;
		try {
			plan = plan(source, target);
		}
		catch (IllegalStateException ex) {
			log.error("Instances of {} version {} stay on it: {}", source.getKey(), source.getVersion(),
					ex.getMessage());
			return new Outcome(source.getKey(), source.getVersion(), target.getVersion(), 0, List.of(ex.getMessage()));
		}
		if (!plan.unmappedWaitStates().isEmpty()) {
			log.warn(
					"{} version {} has activities that version {} does not map: {}; an instance waiting there stays on"
							+ " its version",
					source.getKey(), source.getVersion(), target.getVersion(), plan.unmappedWaitStates());
		}
		List<String> ids = this.runtime.createProcessInstanceQuery()
			.processDefinitionId(source.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		int migrated = 0;
		Set<String> stuck = new LinkedHashSet<>();
		List<String> failures = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			migrated += migrateChunk(source, plan.migrationPlan(),
					ids.subList(from, Math.min(ids.size(), from + CHUNK)), stuck, failures);
		}
		log.info("Migrated {} instance(s) of {} from version {} to version {}; {} stay on version {}", migrated,
				source.getKey(), source.getVersion(), target.getVersion(), stuck.size(), source.getVersion());
		return new Outcome(source.getKey(), source.getVersion(), target.getVersion(), migrated, failures);
	}

	/**
	 * Migrates one chunk in one transaction. The engine refuses the whole chunk for the
	 * first instance it cannot move: that one is named and left out, and the rest tried
	 * again. A chunk that another node migrated at the same moment is read again.
	 */
	private int migrateChunk(ProcessDefinition source, MigrationPlan plan, List<String> chunk, Set<String> stuck,
			List<String> failures) {
		int conflicts = 0;
		while (conflicts < 3) {
			List<String> ids = this.runtime.createProcessInstanceQuery()
				.processDefinitionId(source.getId())
				.processInstanceIds(new HashSet<>(chunk))
				.list()
				.stream()
				.map(ProcessInstance::getId)
				.filter((id) -> !stuck.contains(id))
				.toList();
			if (ids.isEmpty()) {
				return 0;
			}
			try {
				this.runtime.newMigration(plan)
					.processInstanceIds(ids)
					.skipCustomListeners()
					.skipIoMappings()
					.execute();
				return ids.size();
			}
			catch (MigratingProcessInstanceValidationException ex) {
				MigratingProcessInstanceValidationReport report = ex.getValidationReport();
				stuck.add(report.getProcessInstanceId());
				String why = describe(report);
				failures.add(report.getProcessInstanceId() + ": " + why);
				log.error("Process instance {} of {} stays on version {}: {}", report.getProcessInstanceId(),
						source.getKey(), source.getVersion(), why);
			}
			catch (OptimisticLockingException ex) {
				conflicts++;
				log.warn("Migrating {} version {}: another node changed the same instances, reading them again",
						source.getKey(), source.getVersion());
			}
			catch (ProcessEngineException ex) {
				// e.g. an instance that another node migrated between the query and this
				// command
				conflicts++;
				log.warn("Migrating {} version {} failed ({}), reading the instances again", source.getKey(),
						source.getVersion(), ex.getMessage());
			}
		}
		String why = "%d instance(s) from %s on still failed after 3 tries (see the warnings above)"
			.formatted(chunk.size(), chunk.get(0));
		failures.add(why);
		log.error("{} version {}: {}", source.getKey(), source.getVersion(), why);
		return 0;
	}

	/**
	 * The plan from one version to another: equal activities, then the explicit mappings
	 * for what equal ids do not cover.
	 * @throws IllegalStateException naming what is wrong when the engine refuses the plan
	 * or a mapping names an activity the target does not have
	 */
	Plan plan(ProcessDefinition source, ProcessDefinition target) {
		BpmnModelInstance sourceModel = this.repository.getBpmnModelInstance(source.getId());
		BpmnModelInstance targetModel = this.repository.getBpmnModelInstance(target.getId());
		Set<String> sourceIds = ids(sourceModel);
		Set<String> targetIds = ids(targetModel);
		Set<String> mappedByEqualIds = mappedSources(build(
				this.runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities(), source, target));
		MigrationPlanBuilder builder = this.runtime.createMigrationPlan(source.getId(), target.getId())
			.mapEqualActivities();
		for (Map.Entry<String, String> mapping : ModelChanges.of(source.getKey()).mappings().entrySet()) {
			if (!sourceIds.contains(mapping.getKey()) || mappedByEqualIds.contains(mapping.getKey())) {
				continue;
			}
			if (!targetIds.contains(mapping.getValue())) {
				throw new IllegalStateException("%s%s.properties maps '%s' to '%s', which version %d does not have"
					.formatted(ModelChanges.FOLDER, source.getKey(), mapping.getKey(), mapping.getValue(),
							target.getVersion()));
			}
			builder = builder.mapActivities(mapping.getKey(), mapping.getValue());
		}
		MigrationPlan plan = build(builder, source, target);
		Set<String> unmapped = new TreeSet<>(waitStates(sourceModel));
		unmapped.removeAll(mappedSources(plan));
		return new Plan(plan, unmapped);
	}

	private static MigrationPlan build(MigrationPlanBuilder builder, ProcessDefinition source,
			ProcessDefinition target) {
		try {
			return builder.build();
		}
		catch (MigrationPlanValidationException ex) {
			String why = ex.getValidationReport()
				.getInstructionReports()
				.stream()
				.map(ModelMigration::describe)
				.collect(Collectors.joining("; "));
			throw new IllegalStateException("the engine refuses to map %s version %d to version %d: %s"
				.formatted(source.getKey(), source.getVersion(), target.getVersion(), why), ex);
		}
	}

	private static Set<String> mappedSources(MigrationPlan plan) {
		return plan.getInstructions()
			.stream()
			.map(MigrationInstruction::getSourceActivityId)
			.map((id) -> id.replace(MULTI_INSTANCE_BODY, ""))
			.collect(Collectors.toSet());
	}

	private static Set<String> ids(BpmnModelInstance model) {
		return model.getModelElementsByType(FlowNode.class)
			.stream()
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The activities of a model where an instance can be found between two transactions:
	 * tasks and events that wait, scopes, joining gateways, and every asynchronous
	 * continuation. An instance elsewhere is always on its way through within one
	 * transaction, so a version may drop such an activity without a mapping.
	 */
	static Set<String> waitStates(BpmnModelInstance model) {
		return model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(ModelMigration::isWaitState)
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static boolean isWaitState(FlowNode node) {
		if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof CallActivity
				|| node instanceof SubProcess || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
				|| node instanceof EventBasedGateway || node instanceof ParallelGateway
				|| node instanceof InclusiveGateway || node instanceof ComplexGateway) {
			return true;
		}
		if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
			return true;
		}
		if (node instanceof StartEvent && node.getParentElement() instanceof SubProcess subProcess
				&& subProcess.triggeredByEvent()) {
			return true;
		}
		// (an event-based gateway, above, refuses to be asked about asyncAfter)
		return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter() || "external".equals(externalType(node));
	}

	private static String externalType(FlowNode node) {
		if (node instanceof ServiceTask task) {
			return task.getCamundaType();
		}
		if (node instanceof SendTask task) {
			return task.getCamundaType();
		}
		if (node instanceof BusinessRuleTask task) {
			return task.getCamundaType();
		}
		return null;
	}

	private static String describe(MigrationInstructionValidationReport report) {
		MigrationInstruction instruction = report.getMigrationInstruction();
		return "'%s' to '%s': %s".formatted(instruction.getSourceActivityId(), instruction.getTargetActivityId(),
				String.join(", ", report.getFailures()));
	}

	private static String describe(MigratingProcessInstanceValidationReport report) {
		List<String> parts = new ArrayList<>(report.getFailures());
		for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
			parts.add("activity '%s': %s".formatted(activity.getSourceScopeId(),
					String.join(", ", activity.getFailures())));
		}
		for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
			parts.add("activity '%s' (asynchronous continuation): %s".formatted(transition.getSourceScopeId(),
					String.join(", ", transition.getFailures())));
		}
		return String.join("; ", parts);
	}

	/**
	 * A plan and the wait states of the source that it leaves unmapped (an instance
	 * waiting in one of them cannot move).
	 */
	record Plan(MigrationPlan migrationPlan, Set<String> unmappedWaitStates) {

		/**
		 * The plan, when every wait state of the source is mapped.
		 * @throws IllegalStateException naming the wait states that are not
		 */
		MigrationPlan complete(String processKey) {
			if (!this.unmappedWaitStates.isEmpty()) {
				throw new IllegalStateException(("%s: no activity of the current version takes the place of %s; map"
						+ " each in %s%s.properties (map.<older id> = <current id>)")
					.formatted(processKey, this.unmappedWaitStates, ModelChanges.FOLDER, processKey));
			}
			return this.migrationPlan;
		}

	}

	/**
	 * What one older version's migration did.
	 *
	 * @param failures each instance that stays, with why
	 */
	record Outcome(String processKey, int fromVersion, int toVersion, int migrated, List<String> failures) {

	}

}
