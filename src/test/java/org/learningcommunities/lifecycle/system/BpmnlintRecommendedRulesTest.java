package org.learningcommunities.lifecycle.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.system.BpmnlintRecommendedRules.Finding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bpmnlint's recommended rules ({@code .bpmnlintrc}: {@code bpmnlint:recommended}) over
 * every model in {@code processes/}, checked by the Maven build without Node: one test
 * per rule, named as the rule. Each test also runs its rule on a small model that breaks
 * it, to show that the rule can fail, and leaves that model with the element ids it
 * expects in {@code target/bpmnlint-cases/}: {@code .ci/run} runs the real bpmnlint on
 * them to check that this mirror still reports what bpmnlint reports.
 */
class BpmnlintRecommendedRulesTest {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path CASES = Path.of("target", "bpmnlint-cases");

	/** Read once: the rules only read them. */
	private static final Map<Path, BpmnModelInstance> MODELS = readModels();

	@Test
	void everyRecommendedRuleHasItsTest() throws IOException {
		List<String> tested = Arrays.stream(getClass().getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(Test.class) && method.isAnnotationPresent(DisplayName.class))
			.map((method) -> method.getAnnotation(DisplayName.class).value())
			.sorted()
			.toList();
		assertThat(tested).containsExactlyInAnyOrderElementsOf(BpmnlintRecommendedRules.RULES.keySet());
		// bpmnlint 11.15.0's config/recommended.js: .ci/run compares this list with the
		// real one
		assertThat(BpmnlintRecommendedRules.RULES).hasSize(26);
		Files.createDirectories(CASES);
		Files.writeString(CASES.resolve("rules.txt"),
				String.join("\n", BpmnlintRecommendedRules.RULES.keySet()) + "\n");
	}

	/**
	 * Camunda's model API reads an ad-hoc sub-process only as XML (the engine cannot run
	 * one): here it stands apart, with no flow to it.
	 */
	@Test
	@DisplayName("ad-hoc-sub-process")
	void adHocSubProcess() {
		assertRule("ad-hoc-sub-process", model("""
				<startEvent id="start" name="Started" />
				<adHocSubProcess id="ad-hoc" name="Whatever is needed">
				  <startEvent id="ad-hoc-start" name="Begun" />
				  <task id="work" name="Work" />
				  <endEvent id="ad-hoc-end" name="Over" />
				</adHocSubProcess>
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-end" sourceRef="start" targetRef="end" />
				"""), "ad-hoc-start", "ad-hoc-end");
	}

	@Test
	@DisplayName("conditional-flows")
	void conditionalFlows() {
		assertRule("conditional-flows", model("""
				<startEvent id="start" name="Started" />
				<exclusiveGateway id="suitable" name="Suitable?" />
				<endEvent id="admitted" name="Admitted" />
				<endEvent id="declined" name="Declined" />
				<sequenceFlow id="start-to-suitable" sourceRef="start" targetRef="suitable" />
				<sequenceFlow id="suitable-yes" name="Yes" sourceRef="suitable" targetRef="admitted">
				  <conditionExpression xsi:type="tFormalExpression">${suitable}</conditionExpression>
				</sequenceFlow>
				<sequenceFlow id="suitable-no" name="No" sourceRef="suitable" targetRef="declined" />
				"""), "suitable-no");
	}

	@Test
	@DisplayName("end-event-required")
	void endEventRequired() {
		assertRule("end-event-required", model("""
				<startEvent id="start" name="Started" />
				<task id="work" name="Work" />
				<sequenceFlow id="start-to-work" sourceRef="start" targetRef="work" />
				"""), "case");
	}

	@Test
	@DisplayName("event-based-gateway")
	void eventBasedGateway() {
		assertRule("event-based-gateway",
				model("""
						<startEvent id="start" name="Started" />
						<eventBasedGateway id="wait" />
						<intermediateCatchEvent id="hour-passed" name="An hour later">
						  <timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT1H</timeDuration></timerEventDefinition>
						</intermediateCatchEvent>
						<endEvent id="end" name="Done" />
						<sequenceFlow id="start-to-wait" sourceRef="start" targetRef="wait" />
						<sequenceFlow id="wait-to-hour-passed" sourceRef="wait" targetRef="hour-passed" />
						<sequenceFlow id="hour-passed-to-end" sourceRef="hour-passed" targetRef="end" />
						"""),
				"wait");
	}

	@Test
	@DisplayName("event-sub-process-typed-start-event")
	void eventSubProcessTypedStartEvent() {
		assertRule("event-sub-process-typed-start-event", model("""
				<startEvent id="start" name="Started" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-end" sourceRef="start" targetRef="end" />
				<subProcess id="on-event" name="On what?" triggeredByEvent="true">
				  <startEvent id="blank-start" name="Something happened" />
				  <endEvent id="handled" name="Handled" />
				  <sequenceFlow id="blank-start-to-handled" sourceRef="blank-start" targetRef="handled" />
				</subProcess>
				"""), "blank-start");
	}

	@Test
	@DisplayName("fake-join")
	void fakeJoin() {
		assertRule("fake-join", model("""
				<startEvent id="start" name="Started" />
				<parallelGateway id="fork" />
				<task id="one" name="One" />
				<task id="other" name="Other" />
				<task id="joined" name="Both done?" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-fork" sourceRef="start" targetRef="fork" />
				<sequenceFlow id="fork-to-one" sourceRef="fork" targetRef="one" />
				<sequenceFlow id="fork-to-other" sourceRef="fork" targetRef="other" />
				<sequenceFlow id="one-to-joined" sourceRef="one" targetRef="joined" />
				<sequenceFlow id="other-to-joined" sourceRef="other" targetRef="joined" />
				<sequenceFlow id="joined-to-end" sourceRef="joined" targetRef="end" />
				"""), "joined");
	}

	@Test
	@DisplayName("global")
	void global() {
		assertRule("global", model("""
				<message id="unused-message" name="nobody-waits-for-this" />
				<error id="unnamed-error" name="" errorCode="failed" />
				""", """
				<startEvent id="start" name="Started" />
				<endEvent id="failed" name="Failed">
				  <errorEventDefinition errorRef="unnamed-error" />
				</endEvent>
				<sequenceFlow id="start-to-failed" sourceRef="start" targetRef="failed" />
				""", ""), "unused-message", "unnamed-error");
	}

	@Test
	@DisplayName("label-required")
	void labelRequired() {
		assertRule("label-required", model("""
				<startEvent id="start" name="Started" />
				<exclusiveGateway id="unnamed-question" />
				<task id="unnamed-task" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-question" sourceRef="start" targetRef="unnamed-question" />
				<sequenceFlow id="unnamed-answer" sourceRef="unnamed-question" targetRef="unnamed-task">
				  <conditionExpression xsi:type="tFormalExpression">${yes}</conditionExpression>
				</sequenceFlow>
				<sequenceFlow id="question-no" name="No" sourceRef="unnamed-question" targetRef="end">
				  <conditionExpression xsi:type="tFormalExpression">${!yes}</conditionExpression>
				</sequenceFlow>
				<sequenceFlow id="task-to-end" sourceRef="unnamed-task" targetRef="end" />
				"""), "unnamed-question", "unnamed-task", "unnamed-answer");
	}

	@Test
	@DisplayName("link-event")
	void linkEvent() {
		assertRule("link-event", model("""
				<startEvent id="start" name="Started" />
				<intermediateThrowEvent id="jump" name="Jump">
				  <linkEventDefinition name="nowhere" />
				</intermediateThrowEvent>
				<sequenceFlow id="start-to-jump" sourceRef="start" targetRef="jump" />
				"""), "jump");
	}

	@Test
	@DisplayName("no-bpmndi")
	void noBpmndi() {
		assertRule("no-bpmndi", model("", """
				<startEvent id="start" name="Started" />
				<endEvent id="undrawn-end" name="Done" />
				<sequenceFlow id="undrawn-flow" sourceRef="start" targetRef="undrawn-end" />
				""", """
				<bpmndi:BPMNShape id="start-shape" bpmnElement="start">
				  <dc:Bounds x="100" y="100" width="36" height="36" />
				</bpmndi:BPMNShape>
				"""), "undrawn-end", "undrawn-flow");
	}

	@Test
	@DisplayName("no-complex-gateway")
	void noComplexGateway() {
		assertRule("no-complex-gateway", model("""
				<startEvent id="start" name="Started" />
				<complexGateway id="complex" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-complex" sourceRef="start" targetRef="complex" />
				<sequenceFlow id="complex-to-end" sourceRef="complex" targetRef="end" />
				"""), "complex");
	}

	@Test
	@DisplayName("no-disconnected")
	void noDisconnected() {
		assertRule("no-disconnected", model("""
				<startEvent id="start" name="Started" />
				<task id="lonely" name="Nobody comes here" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-end" sourceRef="start" targetRef="end" />
				"""), "lonely");
	}

	@Test
	@DisplayName("no-duplicate-sequence-flows")
	void noDuplicateSequenceFlows() {
		assertRule("no-duplicate-sequence-flows", model("""
				<startEvent id="start" name="Started" />
				<task id="work" name="Work" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-work" sourceRef="start" targetRef="work" />
				<sequenceFlow id="start-to-work-again" sourceRef="start" targetRef="work" />
				<sequenceFlow id="work-to-end" sourceRef="work" targetRef="end" />
				"""), "start-to-work-again", "start", "work");
	}

	@Test
	@DisplayName("no-gateway-join-fork")
	void noGatewayJoinFork() {
		assertRule("no-gateway-join-fork", model("""
				<startEvent id="start" name="Started" />
				<exclusiveGateway id="joins-and-forks" name="Again?" default="joins-and-forks-no" />
				<task id="work" name="Work" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-gateway" sourceRef="start" targetRef="joins-and-forks" />
				<sequenceFlow id="work-to-gateway" sourceRef="work" targetRef="joins-and-forks" />
				<sequenceFlow id="joins-and-forks-yes" name="Yes" sourceRef="joins-and-forks" targetRef="work">
				  <conditionExpression xsi:type="tFormalExpression">${again}</conditionExpression>
				</sequenceFlow>
				<sequenceFlow id="joins-and-forks-no" name="No" sourceRef="joins-and-forks" targetRef="end" />
				"""), "joins-and-forks");
	}

	@Test
	@DisplayName("no-implicit-split")
	void noImplicitSplit() {
		assertRule("no-implicit-split", model("""
				<startEvent id="start" name="Started" />
				<task id="splits" name="Work" />
				<endEvent id="one-end" name="One end" />
				<endEvent id="other-end" name="Other end" />
				<sequenceFlow id="start-to-splits" sourceRef="start" targetRef="splits" />
				<sequenceFlow id="splits-to-one" sourceRef="splits" targetRef="one-end" />
				<sequenceFlow id="splits-to-other" sourceRef="splits" targetRef="other-end" />
				"""), "splits");
	}

	@Test
	@DisplayName("no-implicit-end")
	void noImplicitEnd() {
		assertRule("no-implicit-end", model("""
				<startEvent id="start" name="Started" />
				<task id="dead-end" name="Work" />
				<sequenceFlow id="start-to-dead-end" sourceRef="start" targetRef="dead-end" />
				"""), "dead-end");
	}

	@Test
	@DisplayName("no-implicit-start")
	void noImplicitStart() {
		assertRule("no-implicit-start", model("""
				<startEvent id="start" name="Started" />
				<task id="no-way-in" name="Work" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-end" sourceRef="start" targetRef="end" />
				<sequenceFlow id="no-way-in-to-end" sourceRef="no-way-in" targetRef="end" />
				"""), "no-way-in");
	}

	@Test
	@DisplayName("no-inclusive-gateway")
	void noInclusiveGateway() {
		assertRule("no-inclusive-gateway", model("""
				<startEvent id="start" name="Started" />
				<inclusiveGateway id="inclusive" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-inclusive" sourceRef="start" targetRef="inclusive" />
				<sequenceFlow id="inclusive-to-end" sourceRef="inclusive" targetRef="end" />
				"""), "inclusive");
	}

	/**
	 * A boundary event on its activity is no overlap; an end event touching the task is.
	 */
	@Test
	@DisplayName("no-overlapping-elements")
	void noOverlappingElements() {
		assertRule("no-overlapping-elements",
				model("",
						"""
								<startEvent id="start" name="Started" />
								<task id="work" name="Work" />
								<boundaryEvent id="too-late" name="Too late" attachedToRef="work">
								  <timerEventDefinition><timeDuration xsi:type="tFormalExpression">P1D</timeDuration></timerEventDefinition>
								</boundaryEvent>
								<endEvent id="end" name="Done" />
								<endEvent id="given-up" name="Given up" />
								<sequenceFlow id="start-to-work" sourceRef="start" targetRef="work" />
								<sequenceFlow id="work-to-end" sourceRef="work" targetRef="end" />
								<sequenceFlow id="too-late-to-given-up" sourceRef="too-late" targetRef="given-up" />
								""",
						"""
								<bpmndi:BPMNShape id="start-shape" bpmnElement="start"><dc:Bounds x="100" y="122" width="36" height="36" /></bpmndi:BPMNShape>
								<bpmndi:BPMNShape id="work-shape" bpmnElement="work"><dc:Bounds x="200" y="100" width="100" height="80" /></bpmndi:BPMNShape>
								<bpmndi:BPMNShape id="too-late-shape" bpmnElement="too-late"><dc:Bounds x="232" y="162" width="36" height="36" /></bpmndi:BPMNShape>
								<bpmndi:BPMNShape id="end-shape" bpmnElement="end"><dc:Bounds x="300" y="122" width="36" height="36" /></bpmndi:BPMNShape>
								<bpmndi:BPMNShape id="given-up-shape" bpmnElement="given-up"><dc:Bounds x="232" y="260" width="36" height="36" /></bpmndi:BPMNShape>
								<bpmndi:BPMNEdge id="start-to-work-edge" bpmnElement="start-to-work"><di:waypoint x="136" y="140" /><di:waypoint x="200" y="140" /></bpmndi:BPMNEdge>
								<bpmndi:BPMNEdge id="work-to-end-edge" bpmnElement="work-to-end"><di:waypoint x="300" y="140" /><di:waypoint x="300" y="140" /></bpmndi:BPMNEdge>
								<bpmndi:BPMNEdge id="too-late-to-given-up-edge" bpmnElement="too-late-to-given-up"><di:waypoint x="250" y="198" /><di:waypoint x="250" y="260" /></bpmndi:BPMNEdge>
								"""),
				"work", "end");
	}

	@Test
	@DisplayName("single-blank-start-event")
	void singleBlankStartEvent() {
		assertRule("single-blank-start-event", model("""
				<startEvent id="one-start" name="Started" />
				<startEvent id="other-start" name="Started too" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="one-start-to-end" sourceRef="one-start" targetRef="end" />
				<sequenceFlow id="other-start-to-end" sourceRef="other-start" targetRef="end" />
				"""), "case");
	}

	@Test
	@DisplayName("single-event-definition")
	void singleEventDefinition() {
		assertRule("single-event-definition",
				model("""
						<startEvent id="start" name="Started" />
						<intermediateCatchEvent id="hour-or-signal" name="An hour or a signal">
						  <timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT1H</timeDuration></timerEventDefinition>
						  <signalEventDefinition />
						</intermediateCatchEvent>
						<endEvent id="end" name="Done" />
						<sequenceFlow id="start-to-wait" sourceRef="start" targetRef="hour-or-signal" />
						<sequenceFlow id="wait-to-end" sourceRef="hour-or-signal" targetRef="end" />
						"""),
				"hour-or-signal");
	}

	@Test
	@DisplayName("start-event-required")
	void startEventRequired() {
		assertRule("start-event-required", model("""
				<task id="work" name="Work" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="work-to-end" sourceRef="work" targetRef="end" />
				"""), "case");
	}

	@Test
	@DisplayName("sub-process-blank-start-event")
	void subProcessBlankStartEvent() {
		assertRule("sub-process-blank-start-event",
				model("""
						<startEvent id="start" name="Started" />
						<subProcess id="stage" name="Stage">
						  <startEvent id="typed-start" name="An hour later">
						    <timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT1H</timeDuration></timerEventDefinition>
						  </startEvent>
						  <endEvent id="stage-end" name="Stage done" />
						  <sequenceFlow id="typed-start-to-stage-end" sourceRef="typed-start" targetRef="stage-end" />
						</subProcess>
						<endEvent id="end" name="Done" />
						<sequenceFlow id="start-to-stage" sourceRef="start" targetRef="stage" />
						<sequenceFlow id="stage-to-end" sourceRef="stage" targetRef="end" />
						"""),
				"typed-start");
	}

	@Test
	@DisplayName("superfluous-gateway")
	void superfluousGateway() {
		assertRule("superfluous-gateway", model("""
				<startEvent id="start" name="Started" />
				<exclusiveGateway id="pass-through" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="start-to-gateway" sourceRef="start" targetRef="pass-through" />
				<sequenceFlow id="gateway-to-end" sourceRef="pass-through" targetRef="end" />
				"""), "pass-through");
	}

	@Test
	@DisplayName("superfluous-label")
	void superfluousLabel() {
		assertRule("superfluous-label", model("""
				<startEvent id="start" name="Started" />
				<endEvent id="end" name="Done" />
				<sequenceFlow id="labelled-flow" name="Then" sourceRef="start" targetRef="end" />
				"""), "labelled-flow");
	}

	@Test
	@DisplayName("superfluous-termination")
	void superfluousTermination() {
		assertRule("superfluous-termination", model("""
				<startEvent id="start" name="Started" />
				<endEvent id="terminated" name="Done">
				  <terminateEventDefinition />
				</endEvent>
				<sequenceFlow id="start-to-terminated" sourceRef="start" targetRef="terminated" />
				"""), "terminated");
	}

	/**
	 * The rule finds nothing in our models, and finds exactly the expected elements in
	 * the model that breaks it; the bad model and those ids are left for {@code .ci/run}.
	 */
	private static void assertRule(String rule, BpmnModelInstance bad, String... expectedIds) {
		var check = BpmnlintRecommendedRules.RULES.get(rule);
		assertThat(check).as("rule %s", rule).isNotNull();
		List<String> findings = new ArrayList<>();
		MODELS.forEach((file, model) -> check.apply(model)
			.forEach((finding) -> findings.add(file.getFileName() + ": " + finding)));
		assertThat(findings).as("%s on processes/", rule).isEmpty();
		assertThat(check.apply(bad)).as("%s on a model that breaks it", rule)
			.extracting(Finding::elementId)
			.containsExactlyInAnyOrder(expectedIds);
		writeCase(rule, bad, expectedIds);
	}

	private static void writeCase(String rule, BpmnModelInstance bad, String... expectedIds) {
		try {
			Files.createDirectories(CASES);
			Files.writeString(CASES.resolve(rule + ".bpmn"), Bpmn.convertToString(bad));
			String expected = Stream.of(expectedIds).sorted().distinct().collect(Collectors.joining("\n"));
			Files.writeString(CASES.resolve(rule + ".expected"), expected + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BpmnModelInstance model(String processBody) {
		return model("", processBody, "");
	}

	/**
	 * A definitions element with the given root elements, then process {@code case} with
	 * the given body, then a diagram with the given shapes and edges if any. The
	 * {@code incoming} and {@code outgoing} references that the modeler writes into each
	 * flow node are added from the sequence flows.
	 */
	private static BpmnModelInstance model(String roots, String processBody, String diagram) {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
				    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
				    xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    id="case-definitions" targetNamespace="http://learningcommunities.org/lifecycle/bpmnlint">
				%s
				<process id="case" isExecutable="true">
				%s
				</process>
				%s
				</definitions>
				""".formatted(roots, processBody, diagram.isEmpty() ? "" : """
				<bpmndi:BPMNDiagram id="case-diagram">
				<bpmndi:BPMNPlane id="case-plane" bpmnElement="case">
				%s
				</bpmndi:BPMNPlane>
				</bpmndi:BPMNDiagram>
				""".formatted(diagram));
		BpmnModelInstance model = Bpmn
			.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			flow.getSource().getOutgoing().add(flow);
			flow.getTarget().getIncoming().add(flow);
		}
		return model;
	}

	private static Map<Path, BpmnModelInstance> readModels() {
		try (Stream<Path> files = Files.list(PROCESSES)) {
			Map<Path, BpmnModelInstance> models = new TreeMap<>();
			files.filter((file) -> file.toString().endsWith(".bpmn"))
				.forEach((file) -> models.put(file, Bpmn.readModelFromFile(file.toFile())));
			assertThat(models).as("BPMN files in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
			return models;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
