package org.learningcommunities.lifecycle.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.Association;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.RootElement;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The rules of bpmnlint's {@code bpmnlint:recommended} configuration (bpmnlint 11.15.0,
 * {@code config/recommended.js}), each written again in Java over Camunda's model API so
 * that the Maven build checks the models without Node. Each rule follows its JavaScript
 * source ({@code rules/<name>.js}) and reports the same element ids; {@code .ci/run}
 * compares the two on the models and on the bad models of
 * {@link BpmnlintRecommendedRulesTest} when Node is there.
 * <p>
 * bpmnlint reads {@code incoming} and {@code outgoing} from the XML, as
 * {@link FlowNode#getIncoming()} does. Camunda's model API has no type for
 * {@code adHocSubProcess} (the engine cannot run one), so the rules that exempt it find
 * it by its XML name.
 */
final class BpmnlintRecommendedRules {

	/** The rule names of {@code bpmnlint:recommended}, each with its check. */
	static final Map<String, Function<BpmnModelInstance, List<Finding>>> RULES = rules();

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private BpmnlintRecommendedRules() {
	}

	/** What bpmnlint prints for one problem: the element and its message. */
	record Finding(String elementId, String message) {

		@Override
		public String toString() {
			return this.elementId + ": " + this.message;
		}

	}

	private static Map<String, Function<BpmnModelInstance, List<Finding>>> rules() {
		Map<String, Function<BpmnModelInstance, List<Finding>>> rules = new LinkedHashMap<>();
		rules.put("ad-hoc-sub-process", BpmnlintRecommendedRules::adHocSubProcess);
		rules.put("conditional-flows", BpmnlintRecommendedRules::conditionalFlows);
		rules.put("end-event-required", (model) -> eventRequired(model, EndEvent.class, "end"));
		rules.put("event-based-gateway", BpmnlintRecommendedRules::eventBasedGateway);
		rules.put("event-sub-process-typed-start-event", BpmnlintRecommendedRules::eventSubProcessTypedStartEvent);
		rules.put("fake-join", BpmnlintRecommendedRules::fakeJoin);
		rules.put("global", BpmnlintRecommendedRules::global);
		rules.put("label-required", BpmnlintRecommendedRules::labelRequired);
		rules.put("link-event", BpmnlintRecommendedRules::linkEvent);
		rules.put("no-bpmndi", BpmnlintRecommendedRules::noBpmndi);
		rules.put("no-complex-gateway", (model) -> discouraged(model, ComplexGateway.class, "bpmn:ComplexGateway"));
		rules.put("no-disconnected", BpmnlintRecommendedRules::noDisconnected);
		rules.put("no-duplicate-sequence-flows", BpmnlintRecommendedRules::noDuplicateSequenceFlows);
		rules.put("no-gateway-join-fork", BpmnlintRecommendedRules::noGatewayJoinFork);
		rules.put("no-implicit-split", BpmnlintRecommendedRules::noImplicitSplit);
		rules.put("no-implicit-end", BpmnlintRecommendedRules::noImplicitEnd);
		rules.put("no-implicit-start", BpmnlintRecommendedRules::noImplicitStart);
		rules.put("no-inclusive-gateway",
				(model) -> discouraged(model, InclusiveGateway.class, "bpmn:InclusiveGateway"));
		rules.put("no-overlapping-elements", BpmnlintRecommendedRules::noOverlappingElements);
		rules.put("single-blank-start-event", BpmnlintRecommendedRules::singleBlankStartEvent);
		rules.put("single-event-definition", BpmnlintRecommendedRules::singleEventDefinition);
		rules.put("start-event-required", (model) -> eventRequired(model, StartEvent.class, "start"));
		rules.put("sub-process-blank-start-event", BpmnlintRecommendedRules::subProcessBlankStartEvent);
		rules.put("superfluous-gateway", BpmnlintRecommendedRules::superfluousGateway);
		rules.put("superfluous-label", BpmnlintRecommendedRules::superfluousLabel);
		rules.put("superfluous-termination", BpmnlintRecommendedRules::superfluousTermination);
		return rules;
	}

	static List<Finding> adHocSubProcess(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (org.w3c.dom.Element adHoc : adHocSubProcesses(model)) {
			for (org.w3c.dom.Element child : childElements(adHoc)) {
				if ("startEvent".equals(child.getLocalName())) {
					findings.add(new Finding(child.getAttribute("id"),
							"A <Start Event> is not allowed in <Ad Hoc Sub Process>"));
				}
				if ("endEvent".equals(child.getLocalName())) {
					findings.add(new Finding(child.getAttribute("id"),
							"An <End Event> is not allowed in <Ad Hoc Sub Process>"));
				}
			}
		}
		return findings;
	}

	static List<Finding> conditionalFlows(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (FlowNode node : all(model, FlowNode.class)) {
			boolean conditionalForking = defaultFlow(node) != null
					|| node.getOutgoing().stream().anyMatch(BpmnlintRecommendedRules::hasCondition);
			if (!conditionalForking) {
				continue;
			}
			for (SequenceFlow flow : node.getOutgoing()) {
				if (!hasCondition(flow) && flow != defaultFlow(node)) {
					findings.add(new Finding(flow.getId(), "Sequence flow is missing condition"));
				}
			}
		}
		return findings;
	}

	/**
	 * end-event-required and start-event-required: one such event per process and
	 * sub-process.
	 */
	static List<Finding> eventRequired(BpmnModelInstance model, Class<? extends Event> type, String which) {
		List<Finding> findings = new ArrayList<>();
		for (BaseElement scope : scopes(model)) {
			if (flowElements(scope).stream().noneMatch(type::isInstance)) {
				String kind = (scope instanceof SubProcess) ? "Sub process" : "Process";
				findings.add(new Finding(scope.getId(), kind + " is missing " + which + " event"));
			}
		}
		return findings;
	}

	static List<Finding> eventBasedGateway(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (EventBasedGateway gateway : all(model, EventBasedGateway.class)) {
			if (gateway.getOutgoing().size() < 2) {
				findings.add(new Finding(gateway.getId(),
						"An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>"));
			}
			gateway.getOutgoing()
				.stream()
				.filter(BpmnlintRecommendedRules::hasCondition)
				.forEach((flow) -> findings.add(new Finding(flow.getId(),
						"A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional")));
		}
		return findings;
	}

	static List<Finding> eventSubProcessTypedStartEvent(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (SubProcess subProcess : all(model, SubProcess.class)) {
			if (!subProcess.triggeredByEvent()) {
				continue;
			}
			startEvents(subProcess).filter((start) -> start.getEventDefinitions().isEmpty())
				.forEach(
						(start) -> findings.add(new Finding(start.getId(), "Start event is missing event definition")));
		}
		return findings;
	}

	static List<Finding> fakeJoin(BpmnModelInstance model) {
		return all(model, FlowNode.class).stream()
			.filter((node) -> node instanceof Activity || node instanceof Event)
			.filter((node) -> node.getIncoming().size() > 1)
			.map((node) -> new Finding(node.getId(), "Incoming flows do not join"))
			.toList();
	}

	static List<Finding> global(BpmnModelInstance model) {
		List<RootElement> globals = model.getDefinitions()
			.getRootElements()
			.stream()
			.filter((root) -> root instanceof org.camunda.bpm.model.bpmn.instance.Error || root instanceof Escalation
					|| root instanceof Message || root instanceof Signal)
			.toList();
		Set<ModelElementInstance> referenced = new HashSet<>();
		all(model, ErrorEventDefinition.class).forEach((definition) -> referenced.add(definition.getError()));
		all(model, EscalationEventDefinition.class).forEach((definition) -> referenced.add(definition.getEscalation()));
		all(model, MessageEventDefinition.class).forEach((definition) -> referenced.add(definition.getMessage()));
		all(model, MessageFlow.class).forEach((flow) -> referenced.add(flow.getMessage()));
		all(model, ReceiveTask.class).forEach((task) -> referenced.add(task.getMessage()));
		all(model, SendTask.class).forEach((task) -> referenced.add(task.getMessage()));
		all(model, SignalEventDefinition.class).forEach((definition) -> referenced.add(definition.getSignal()));
		List<Finding> findings = new ArrayList<>();
		for (RootElement root : globals) {
			String name = globalName(root);
			// bpmnlint: a name that is there but blank is missing; no name at all is not
			if (name != null && name.isBlank()) {
				findings.add(new Finding(root.getId(), "Element is missing name"));
			}
			if (!referenced.contains(root)) {
				findings.add(new Finding(root.getId(), "Element is unused"));
			}
			long sameName = globals.stream()
				.filter((other) -> other.getElementType() == root.getElementType()
						&& Objects.equals(name, globalName(other)))
				.count();
			if (sameName != 1) {
				findings.add(new Finding(root.getId(), "Element name is not unique"));
			}
		}
		return findings;
	}

	/** The name as written, "" if blank, null if there is none. */
	private static String globalName(RootElement root) {
		if (!root.getDomElement().hasAttribute("name")) {
			return null;
		}
		String name = root.getDomElement().getAttribute("name");
		return (name != null) ? name : "";
	}

	static List<Finding> labelRequired(BpmnModelInstance model) {
		List<BaseElement> labelled = new ArrayList<>();
		for (FlowNode node : all(model, FlowNode.class)) {
			boolean exempt = node instanceof ParallelGateway || node instanceof EventBasedGateway
					|| (node instanceof Gateway && node.getOutgoing().size() <= 1) || node instanceof SubProcess;
			if (!exempt) {
				labelled.add(node);
			}
		}
		all(model, SequenceFlow.class).stream().filter(BpmnlintRecommendedRules::hasCondition).forEach(labelled::add);
		labelled.addAll(all(model, Participant.class));
		labelled.addAll(all(model, Lane.class));
		return labelled.stream()
			.filter((element) -> isBlank(element.getAttributeValue("name")))
			.map((element) -> new Finding(element.getId(), "Element is missing label/name"))
			.toList();
	}

	static List<Finding> linkEvent(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (BaseElement scope : scopes(model)) {
			List<FlowNode> links = flowElements(scope).stream()
				.filter((element) -> element instanceof Event event
						&& eventDefinitions(event).stream().anyMatch(LinkEventDefinition.class::isInstance))
				.map(FlowNode.class::cast)
				.toList();
			Map<String, List<FlowNode>> byName = new LinkedHashMap<>();
			for (FlowNode link : links) {
				String name = linkName(link);
				if (isBlank(name)) {
					findings.add(new Finding(link.getId(), "Link event is missing link name"));
					continue;
				}
				byName.computeIfAbsent(name, (key) -> new ArrayList<>()).add(link);
			}
			byName.forEach((name, events) -> {
				if (events.size() == 1) {
					FlowNode event = events.get(0);
					String missing = (event instanceof ThrowEvent) ? "catch" : "throw";
					findings.add(new Finding(event.getId(),
							"Link " + missing + " event with link name <" + name + "> missing in scope"));
					return;
				}
				List<FlowNode> catches = events.stream().filter(CatchEvent.class::isInstance).toList();
				if (catches.size() > 1) {
					catches.forEach((event) -> findings.add(new Finding(event.getId(),
							"Duplicate link catch event with link name <" + name + "> in scope")));
				}
				else if (catches.isEmpty()) {
					events.forEach((event) -> findings.add(new Finding(event.getId(),
							"Link catch event with link name <" + name + "> missing in scope")));
				}
			});
		}
		return findings;
	}

	static List<Finding> noBpmndi(BpmnModelInstance model) {
		Set<String> drawn = new HashSet<>();
		for (BpmnDiagram diagram : all(model, BpmnDiagram.class)) {
			if (diagram.getBpmnPlane() == null) {
				continue;
			}
			for (DiagramElement element : diagram.getBpmnPlane().getDiagramElements()) {
				BaseElement drawnElement = (element instanceof BpmnShape shape) ? shape.getBpmnElement()
						: (element instanceof BpmnEdge edge) ? edge.getBpmnElement() : null;
				if (drawnElement != null) {
					drawn.add(drawnElement.getId());
				}
			}
		}
		List<BaseElement> drawable = new ArrayList<>();
		for (RootElement root : model.getDefinitions().getRootElements()) {
			collectDrawable(root, drawable);
		}
		return drawable.stream()
			.filter((element) -> !(element instanceof DataObject))
			.filter((element) -> !drawn.contains(element.getId()))
			.map((element) -> new Finding(element.getId(), "Element is missing bpmndi"))
			.toList();
	}

	static List<Finding> noDisconnected(BpmnModelInstance model) {
		return all(model, FlowNode.class).stream()
			.filter((node) -> node instanceof Task || node instanceof Gateway || node instanceof SubProcess
					|| node instanceof Event)
			.filter((node) -> !(node instanceof SubProcess subProcess && subProcess.triggeredByEvent()))
			.filter((node) -> !isCompensationBoundary(node) && !isForCompensation(node) && !inAdHocSubProcess(node))
			.filter((node) -> node.getIncoming().isEmpty() && node.getOutgoing().isEmpty())
			.map((node) -> new Finding(node.getId(), "Element is not connected"))
			.toList();
	}

	static List<Finding> noDuplicateSequenceFlows(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Set<String> sourcesReported = new HashSet<>();
		Set<String> targetsReported = new HashSet<>();
		for (SequenceFlow flow : all(model, SequenceFlow.class)) {
			String condition = hasCondition(flow) ? flow.getConditionExpression().getTextContent() : "";
			String source = (flow.getSource() != null) ? flow.getSource().getId() : flow.getId();
			String target = (flow.getTarget() != null) ? flow.getTarget().getId() : flow.getId();
			if (keys.add(source + "#" + target + "#" + condition)) {
				continue;
			}
			findings.add(new Finding(flow.getId(), "SequenceFlow is a duplicate"));
			if (sourcesReported.add(source)) {
				findings.add(new Finding(source, "Duplicate outgoing sequence flows"));
			}
			if (targetsReported.add(target)) {
				findings.add(new Finding(target, "Duplicate incoming sequence flows"));
			}
		}
		return findings;
	}

	static List<Finding> noGatewayJoinFork(BpmnModelInstance model) {
		return all(model, Gateway.class).stream()
			.filter((gateway) -> gateway.getIncoming().size() > 1 && gateway.getOutgoing().size() > 1)
			.map((gateway) -> new Finding(gateway.getId(), "Gateway forks and joins"))
			.toList();
	}

	static List<Finding> noImplicitSplit(BpmnModelInstance model) {
		return all(model, FlowNode.class).stream()
			.filter((node) -> node instanceof Activity || node instanceof Event)
			.filter((node) -> node.getOutgoing()
				.stream()
				.filter((flow) -> !hasCondition(flow) && flow != defaultFlow(node))
				.count() > 1)
			.map((node) -> new Finding(node.getId(), "Flow splits implicitly"))
			.toList();
	}

	static List<Finding> noImplicitEnd(BpmnModelInstance model) {
		return all(model, FlowNode.class).stream()
			.filter((node) -> node instanceof Event || node instanceof Activity || node instanceof Gateway)
			.filter((node) -> !(node instanceof SubProcess subProcess && subProcess.triggeredByEvent()))
			.filter((node) -> !(node instanceof IntermediateThrowEvent && onlyLinks(node)))
			.filter((node) -> !inAdHocSubProcess(node) && !(node instanceof EndEvent))
			.filter((node) -> !(node instanceof BoundaryEvent && onlyCompensation(node) && hasAssociation(model, node)))
			.filter((node) -> !isForCompensation(node))
			.filter((node) -> node.getOutgoing().isEmpty())
			.map((node) -> new Finding(node.getId(), "Element is an implicit end"))
			.toList();
	}

	static List<Finding> noImplicitStart(BpmnModelInstance model) {
		return all(model, FlowNode.class).stream()
			.filter((node) -> node instanceof Event || node instanceof Activity || node instanceof Gateway)
			.filter((node) -> !isForCompensation(node) && !inAdHocSubProcess(node))
			.filter((node) -> !(node instanceof SubProcess subProcess && subProcess.triggeredByEvent()))
			.filter((node) -> !(node instanceof IntermediateCatchEvent && onlyLinks(node)))
			.filter((node) -> !(node instanceof StartEvent || node instanceof BoundaryEvent))
			.filter((node) -> node.getIncoming().isEmpty())
			.map((node) -> new Finding(node.getId(), "Element is an implicit start"))
			.toList();
	}

	/** no-complex-gateway and no-inclusive-gateway. */
	static List<Finding> discouraged(BpmnModelInstance model, Class<? extends FlowNode> type, String typeName) {
		return all(model, type).stream()
			.map((node) -> new Finding(node.getId(), "Element type <" + typeName + "> is discouraged"))
			.toList();
	}

	/**
	 * Shapes that touch or overlap in one process or expanded sub-process (a boundary
	 * event and its activity aside), and shapes outside the pool or expanded sub-process
	 * that holds them. Participants are compared among themselves.
	 */
	static List<Finding> noOverlappingElements(BpmnModelInstance model) {
		Map<BaseElement, BpmnShape> shapes = new HashMap<>();
		for (BpmnShape shape : all(model, BpmnShape.class)) {
			if (shape.getBpmnElement() != null) {
				shapes.put(shape.getBpmnElement(), shape);
			}
		}
		Set<BaseElement> overlapping = new LinkedHashSet<>();
		Set<BaseElement> outside = new LinkedHashSet<>();
		Map<Process, Bounds> poolOfProcess = new LinkedHashMap<>();
		for (Collaboration collaboration : all(model, Collaboration.class)) {
			checkOverlaps(collaboration.getParticipants(), shapes, overlapping);
			for (Participant participant : collaboration.getParticipants()) {
				if (participant.getProcess() != null) {
					poolOfProcess.put(participant.getProcess(), bounds(participant, shapes));
				}
			}
		}
		for (Process process : all(model, Process.class)) {
			checkScope(process, poolOfProcess.get(process), shapes, overlapping, outside);
		}
		List<Finding> findings = new ArrayList<>();
		overlapping
			.forEach((element) -> findings.add(new Finding(element.getId(), "Element overlaps with other element")));
		outside
			.forEach((element) -> findings.add(new Finding(element.getId(), "Element is outside of parent boundary")));
		return findings;
	}

	static List<Finding> singleBlankStartEvent(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (BaseElement scope : scopes(model)) {
			if (startEvents(scope).filter((start) -> start.getEventDefinitions().isEmpty()).count() > 1) {
				String kind = (scope instanceof SubProcess) ? "Sub process" : "Process";
				findings.add(new Finding(scope.getId(), kind + " has multiple blank start events"));
			}
		}
		return findings;
	}

	static List<Finding> singleEventDefinition(BpmnModelInstance model) {
		return all(model, Event.class).stream()
			.filter((event) -> eventDefinitions(event).size() > 1)
			.map((event) -> new Finding(event.getId(), "Event has multiple event definitions"))
			.toList();
	}

	static List<Finding> subProcessBlankStartEvent(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (SubProcess subProcess : all(model, SubProcess.class)) {
			if (subProcess.triggeredByEvent()) {
				continue;
			}
			startEvents(subProcess).filter((start) -> !start.getEventDefinitions().isEmpty())
				.forEach((start) -> findings.add(new Finding(start.getId(), "Start event must be blank")));
		}
		return findings;
	}

	static List<Finding> superfluousGateway(BpmnModelInstance model) {
		return all(model, Gateway.class).stream()
			.filter((gateway) -> gateway.getIncoming().size() == 1 && gateway.getOutgoing().size() == 1)
			.map((gateway) -> new Finding(gateway.getId(),
					"Gateway is superfluous. It only has one source and target."))
			.toList();
	}

	static List<Finding> superfluousLabel(BpmnModelInstance model) {
		return all(model, SequenceFlow.class).stream()
			.filter((flow) -> !isBlank(flow.getName()))
			.filter((flow) -> !hasCondition(flow) && !isDefaultFlow(flow) && !isGatewayFork(flow))
			.map((flow) -> new Finding(flow.getId(), "Sequence flow has superfluous label"))
			.toList();
	}

	static List<Finding> superfluousTermination(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		for (BaseElement scope : scopes(model)) {
			List<FlowNode> ends = flowElements(scope).stream()
				.filter(FlowNode.class::isInstance)
				.map(FlowNode.class::cast)
				.filter((node) -> node.getOutgoing().isEmpty())
				.toList();
			List<FlowNode> terminateEnds = ends.stream().filter(BpmnlintRecommendedRules::isTerminateEnd).toList();
			if (terminateEnds.size() == 1
					&& ends.stream().allMatch((end) -> isInterruptingEventSubProcess(end) || isTerminateEnd(end))) {
				findings.add(new Finding(terminateEnds.get(0).getId(), "Termination is superfluous."));
			}
		}
		return findings;
	}

	private static void checkScope(BaseElement scope, Bounds parent, Map<BaseElement, BpmnShape> shapes,
			Set<BaseElement> overlapping, Set<BaseElement> outside) {
		List<BaseElement> drawn = flowElements(scope).stream()
			.filter(shapes::containsKey)
			.map(BaseElement.class::cast)
			.toList();
		checkOverlaps(drawn, shapes, overlapping);
		for (BaseElement element : drawn) {
			if (!(element instanceof DataStoreReference) && isOutside(bounds(element, shapes), parent)) {
				outside.add(element);
			}
		}
		for (FlowElement element : flowElements(scope)) {
			if (element instanceof SubProcess subProcess) {
				boolean expanded = shapes.containsKey(subProcess) && shapes.get(subProcess).isExpanded();
				checkScope(subProcess, expanded ? bounds(subProcess, shapes) : null, shapes, overlapping, outside);
			}
		}
	}

	/** As bpmnlint: shapes touching count as overlapping. */
	private static void checkOverlaps(Collection<? extends BaseElement> elements, Map<BaseElement, BpmnShape> shapes,
			Set<BaseElement> overlapping) {
		List<BaseElement> sorted = elements.stream()
			.filter((element) -> bounds(element, shapes) != null)
			.map(BaseElement.class::cast)
			.sorted((a, b) -> Double.compare(bounds(a, shapes).getX(), bounds(b, shapes).getX()))
			.toList();
		for (int i = 0; i < sorted.size(); i++) {
			Bounds one = bounds(sorted.get(i), shapes);
			for (int j = i + 1; j < sorted.size() && bounds(sorted.get(j), shapes).getX() <= right(one); j++) {
				Bounds other = bounds(sorted.get(j), shapes);
				boolean collide = right(one) >= other.getX() && right(other) >= one.getX()
						&& bottom(one) >= other.getY() && bottom(other) >= one.getY();
				if (collide && !attached(sorted.get(i), sorted.get(j)) && !attached(sorted.get(j), sorted.get(i))) {
					overlapping.add(sorted.get(i));
					overlapping.add(sorted.get(j));
				}
			}
		}
	}

	private static boolean attached(BaseElement boundary, BaseElement host) {
		return boundary instanceof BoundaryEvent event && event.getAttachedTo() == host;
	}

	private static boolean isOutside(Bounds child, Bounds parent) {
		if (child == null || parent == null) {
			return false;
		}
		boolean inside = child.getX() >= parent.getX() && child.getY() >= parent.getY() && right(child) <= right(parent)
				&& bottom(child) <= bottom(parent);
		return !inside;
	}

	/** The bounds of the element's shape, if it has a shape with all four numbers. */
	private static Bounds bounds(BaseElement element, Map<BaseElement, BpmnShape> shapes) {
		BpmnShape shape = shapes.get(element);
		Bounds bounds = (shape != null) ? shape.getBounds() : null;
		if (bounds != null && bounds.getX() != null && bounds.getY() != null && bounds.getWidth() != null
				&& bounds.getHeight() != null) {
			return bounds;
		}
		return null;
	}

	private static double right(Bounds bounds) {
		return bounds.getX() + bounds.getWidth();
	}

	private static double bottom(Bounds bounds) {
		return bounds.getY() + bounds.getHeight();
	}

	private static void collectDrawable(BaseElement container, List<BaseElement> drawable) {
		Collection<FlowElement> flowElements = flowElements(container);
		drawable.addAll(flowElements);
		flowElements.stream()
			.filter((element) -> element instanceof SubProcess)
			.forEach((subProcess) -> collectDrawable(subProcess, drawable));
		if (container instanceof Collaboration collaboration) {
			drawable.addAll(collaboration.getParticipants());
			drawable.addAll(collaboration.getArtifacts());
			drawable.addAll(collaboration.getMessageFlows());
		}
		if (container instanceof Process process) {
			drawable.addAll(process.getArtifacts());
			process.getLaneSets().stream().findFirst().ifPresent((laneSet) -> collectLanes(laneSet, drawable));
		}
		if (container instanceof SubProcess subProcess) {
			drawable.addAll(subProcess.getArtifacts());
			subProcess.getLaneSets().stream().findFirst().ifPresent((laneSet) -> collectLanes(laneSet, drawable));
		}
	}

	private static void collectLanes(LaneSet laneSet, List<BaseElement> drawable) {
		for (Lane lane : laneSet.getLanes()) {
			drawable.add(lane);
			LaneSet children = lane.getChildLaneSet();
			if (children != null) {
				collectLanes(children, drawable);
			}
		}
	}

	private static boolean isCompensationBoundary(FlowNode node) {
		return node instanceof BoundaryEvent boundary && boundary.getEventDefinitions().size() == 1
				&& boundary.getEventDefinitions().iterator().next() instanceof CompensateEventDefinition;
	}

	private static boolean isForCompensation(FlowNode node) {
		return node instanceof Activity activity && activity.isForCompensation();
	}

	private static boolean onlyLinks(FlowNode node) {
		Collection<EventDefinition> definitions = eventDefinitions((Event) node);
		return !definitions.isEmpty() && definitions.stream().allMatch(LinkEventDefinition.class::isInstance);
	}

	private static boolean onlyCompensation(FlowNode node) {
		Collection<EventDefinition> definitions = eventDefinitions((Event) node);
		return !definitions.isEmpty() && definitions.stream().allMatch(CompensateEventDefinition.class::isInstance);
	}

	/**
	 * bpmnlint looks for the association among the artifacts of the process around it.
	 */
	private static boolean hasAssociation(BpmnModelInstance model, FlowNode node) {
		ModelElementInstance parent = node.getParentElement();
		while (parent != null && !(parent instanceof Process)) {
			parent = parent.getParentElement();
		}
		Collection<Artifact> artifacts = (parent instanceof Process process) ? process.getArtifacts() : List.of();
		return artifacts.stream()
			.anyMatch((artifact) -> artifact instanceof Association association && association.getSource() != null
					&& node.getId().equals(association.getSource().getId()));
	}

	private static boolean isTerminateEnd(FlowNode node) {
		return node instanceof EndEvent end
				&& end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance);
	}

	private static boolean isInterruptingEventSubProcess(FlowNode node) {
		return node instanceof SubProcess subProcess && subProcess.triggeredByEvent()
				&& startEvents(subProcess).anyMatch(StartEvent::isInterrupting);
	}

	private static boolean isDefaultFlow(SequenceFlow flow) {
		return flow.getSource() != null && defaultFlow(flow.getSource()) == flow;
	}

	private static boolean isGatewayFork(SequenceFlow flow) {
		FlowNode source = flow.getSource();
		return (source instanceof ExclusiveGateway || source instanceof InclusiveGateway)
				&& source.getOutgoing().size() > 1;
	}

	private static SequenceFlow defaultFlow(FlowNode node) {
		if (node instanceof ExclusiveGateway gateway) {
			return gateway.getDefault();
		}
		if (node instanceof InclusiveGateway gateway) {
			return gateway.getDefault();
		}
		if (node instanceof ComplexGateway gateway) {
			return gateway.getDefault();
		}
		if (node instanceof Activity activity) {
			return activity.getDefault();
		}
		return null;
	}

	private static boolean hasCondition(SequenceFlow flow) {
		return flow.getConditionExpression() != null;
	}

	private static Collection<EventDefinition> eventDefinitions(Event event) {
		if (event instanceof CatchEvent catchEvent) {
			return catchEvent.getEventDefinitions();
		}
		if (event instanceof ThrowEvent throwEvent) {
			return throwEvent.getEventDefinitions();
		}
		return List.of();
	}

	private static String linkName(FlowNode link) {
		return eventDefinitions((Event) link).stream()
			.filter(LinkEventDefinition.class::isInstance)
			.map((definition) -> ((LinkEventDefinition) definition).getName())
			.findFirst()
			.orElse(null);
	}

	private static Stream<StartEvent> startEvents(BaseElement scope) {
		return flowElements(scope).stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast);
	}

	/**
	 * Processes and sub-processes (transactions too). An ad-hoc sub-process is neither to
	 * Camunda: the rules that bpmnlint applies to it as a scope do not see it here.
	 */
	private static List<BaseElement> scopes(BpmnModelInstance model) {
		List<BaseElement> scopes = new ArrayList<>(all(model, Process.class));
		scopes.addAll(all(model, SubProcess.class));
		return scopes;
	}

	private static Collection<FlowElement> flowElements(BaseElement scope) {
		if (scope instanceof Process process) {
			return process.getFlowElements();
		}
		if (scope instanceof SubProcess subProcess) {
			return subProcess.getFlowElements();
		}
		return List.of();
	}

	private static boolean inAdHocSubProcess(FlowNode node) {
		return node.getDomElement().getParentElement() != null
				&& "adHocSubProcess".equals(node.getDomElement().getParentElement().getLocalName());
	}

	private static List<org.w3c.dom.Element> adHocSubProcesses(BpmnModelInstance model) {
		org.w3c.dom.Document document = (org.w3c.dom.Document) model.getDocument().getDomSource().getNode();
		org.w3c.dom.NodeList nodes = document.getElementsByTagNameNS(BPMN_NS, "adHocSubProcess");
		List<org.w3c.dom.Element> found = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((org.w3c.dom.Element) nodes.item(i));
		}
		return found;
	}

	private static List<org.w3c.dom.Element> childElements(org.w3c.dom.Element parent) {
		List<org.w3c.dom.Element> children = new ArrayList<>();
		for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof org.w3c.dom.Element element) {
				children.add(element);
			}
		}
		return children;
	}

	private static <T extends ModelElementInstance> Collection<T> all(BpmnModelInstance model, Class<T> type) {
		return model.getModelElementsByType(type);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
