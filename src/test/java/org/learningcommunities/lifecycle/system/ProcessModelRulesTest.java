package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.RootElement;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BPMN conventions of STYLE.md (section 3) that the model API can check, over every
 * file in {@code processes/} and {@code forms/} of the project (Surefire runs in the
 * project directory). No engine: a broken rule names each file and element that breaks
 * it.
 */
class ProcessModelRulesTest {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path FORMS = Path.of("forms");

	/** The processes CONTRACT.md names: they must exist whatever else is added. */
	private static final Set<String> CONTRACT_PROCESSES = Set.of("community-lifecycle", "establishment", "year-one",
			"year-two", "year-three");

	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	/** Generated ids the modeler gives plain sequence flows (no condition): allowed. */
	private static final Pattern GENERATED_FLOW_ID = Pattern.compile("Flow_[A-Za-z0-9_]+");

	/** A bean by its name, nothing else: {@code ${screenCandidateDelegate}}. */
	private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{[a-z][A-Za-z0-9]*}");

	/** A letter of the Hebrew alphabet. */
	private static final Pattern HEBREW = Pattern.compile("[\\u05D0-\\u05EA]");

	private static final String BUSINESS_KEY = "#{execution.processBusinessKey}";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<Model> models = readModels();

	private final List<Path> forms = files(FORMS, ".form");

	@Test
	void contractProcessesAreModelled() {
		assertThat(this.models).extracting(Model::key).containsAll(CONTRACT_PROCESSES);
		assertThat(files(PROCESSES, "")).as("files in processes/ other than BPMN and DMN")
			.allMatch((file) -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"));
	}

	@Test
	void eachFileHoldsOneExecutableProcessNamedAfterIt() {
		assertRule((model, violations) -> {
			Collection<Process> processes = model.all(Process.class);
			if (processes.size() != 1) {
				violations.add(model + " holds " + processes.size() + " processes");
			}
			for (Process process : processes) {
				if (!model.key().equals(process.getId())) {
					violations.add(model + ": process id " + process.getId() + " is not the file name");
				}
				if (!process.isExecutable()) {
					violations.add(model + ": process " + process.getId() + " is not executable");
				}
				if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
					violations.add(model + ": process " + process.getId() + " has no camunda:historyTimeToLive");
				}
			}
		});
	}

	@Test
	void idsAreKebabCase() {
		assertRule((model, violations) -> {
			List<BaseElement> named = new ArrayList<>();
			named.addAll(model.all(RootElement.class));
			named.addAll(model.all(FlowElement.class));
			named.addAll(model.all(Participant.class));
			named.addAll(model.all(Lane.class));
			for (BaseElement element : named) {
				String id = element.getId();
				boolean plainFlow = element instanceof SequenceFlow flow && flow.getConditionExpression() == null;
				if (!KEBAB_CASE.matcher(id).matches() && !(plainFlow && GENERATED_FLOW_ID.matcher(id).matches())) {
					violations.add(model + ": id " + id + " is not kebab-case");
				}
			}
			String definitionsId = model.instance().getDefinitions().getId();
			if (!KEBAB_CASE.matcher(definitionsId).matches()) {
				violations.add(model + ": definitions id " + definitionsId + " is not kebab-case");
			}
			model.all(Message.class).forEach((message) -> kebab(model, "message name", message.getName(), violations));
			model.all(Signal.class).forEach((signal) -> kebab(model, "signal name", signal.getName(), violations));
			// BPMN's Error, not java.lang.Error
			model.all(org.camunda.bpm.model.bpmn.instance.Error.class)
				.forEach((error) -> kebab(model, "error code", error.getErrorCode(), violations));
			model.all(Escalation.class)
				.forEach((escalation) -> kebab(model, "escalation code", escalation.getEscalationCode(), violations));
		});
	}

	@Test
	void userTasksHaveCandidateGroupsDueDateAndTheirDeployedForm() {
		assertRule((model, violations) -> {
			for (UserTask task : model.all(UserTask.class)) {
				String name = model + ": user task " + task.getId();
				if (task.getCamundaCandidateGroupsList().isEmpty()) {
					violations.add(name + " has no candidate groups");
				}
				if (isNamedUser(task.getCamundaAssignee())
						|| task.getCamundaCandidateUsersList().stream().anyMatch(ProcessModelRulesTest::isNamedUser)) {
					violations.add(name + " names a user (only expressions such as ${leader} may assign)");
				}
				if (isBlank(task.getCamundaDueDate())) {
					violations.add(name + " has no camunda:dueDate");
				}
				if (!task.getId().equals(task.getCamundaFormRef())) {
					violations.add(name + " has camunda:formRef " + task.getCamundaFormRef() + ", not its task key");
				}
				checkFormRef(name, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), violations);
			}
		});
	}

	@Test
	void userTasksAndProcessesAreNamedInHebrewThenEnglish() {
		Map<String, String> nameOfTaskKey = new HashMap<>();
		assertRule((model, violations) -> {
			for (Process process : model.all(Process.class)) {
				checkBilingualName(model + ": process " + process.getId(), process.getName(), violations);
			}
			for (UserTask task : model.all(UserTask.class)) {
				checkBilingualName(model + ": user task " + task.getId(), task.getName(), violations);
				String earlier = nameOfTaskKey.putIfAbsent(task.getId(), task.getName());
				if (earlier != null && !earlier.equals(task.getName())) {
					violations.add(model + ": user task " + task.getId() + " is named \"" + task.getName()
							+ "\", elsewhere \"" + earlier + "\"");
				}
			}
		});
	}

	@Test
	void startFormsAreNamedAfterTheirProcess() {
		assertRule((model, violations) -> {
			for (StartEvent start : model.all(StartEvent.class)) {
				if (start.getCamundaFormRef() == null && start.getCamundaFormKey() == null) {
					continue;
				}
				String name = model + ": start event " + start.getId();
				if (!("start-" + model.key()).equals(start.getCamundaFormRef())) {
					violations
						.add(name + " has camunda:formRef " + start.getCamundaFormRef() + ", not start-" + model.key());
				}
				checkFormRef(name, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), violations);
			}
		});
	}

	@Test
	void serviceTasksAndListenersAreBeansCalledByDelegateExpression() {
		assertRule((model, violations) -> {
			for (ServiceTask task : model.all(ServiceTask.class)) {
				if (!isBean(task.getCamundaDelegateExpression()) || task.getCamundaClass() != null
						|| task.getCamundaExpression() != null || task.getCamundaType() != null) {
					violations.add(model + ": service task " + task.getId()
							+ " must use only camunda:delegateExpression=\"${beanName}\"");
				}
			}
			for (CamundaExecutionListener listener : model.all(CamundaExecutionListener.class)) {
				if (!isBean(listener.getCamundaDelegateExpression())) {
					violations.add(model + ": execution listener on " + parentId(listener)
							+ " must use camunda:delegateExpression=\"${beanName}\"");
				}
			}
			for (CamundaTaskListener listener : model.all(CamundaTaskListener.class)) {
				if (!isBean(listener.getCamundaDelegateExpression())) {
					violations.add(model + ": task listener on " + parentId(listener)
							+ " must use camunda:delegateExpression=\"${beanName}\"");
				}
			}
		});
	}

	@Test
	void modelsHoldNoScripts() {
		assertRule((model, violations) -> {
			model.all(ScriptTask.class).forEach((task) -> violations.add(model + ": script task " + task.getId()));
			model.all(CamundaScript.class)
				.forEach((script) -> violations.add(model + ": camunda:script in " + parentId(script)));
			model.all(ConditionExpression.class)
				.stream()
				.filter((condition) -> condition.getLanguage() != null || condition.getCamundaResource() != null)
				.forEach((condition) -> violations.add(model + ": script condition in " + parentId(condition)));
		});
	}

	@Test
	void callActivitiesPassTheBusinessKeyAndNamedVariablesOnly() {
		Set<String> keys = this.models.stream().map(Model::key).collect(Collectors.toSet());
		assertRule((model, violations) -> {
			for (CallActivity call : model.all(CallActivity.class)) {
				String name = model + ": call activity " + call.getId();
				List<CamundaIn> ins = extensions(call, CamundaIn.class);
				if (ins.stream().noneMatch((in) -> BUSINESS_KEY.equals(in.getCamundaBusinessKey()))) {
					violations.add(name + " does not pass <camunda:in businessKey=\"" + BUSINESS_KEY + "\"/>");
				}
				Stream<String> variables = Stream.concat(ins.stream().map(CamundaIn::getCamundaVariables),
						extensions(call, CamundaOut.class).stream().map(CamundaOut::getCamundaVariables));
				if (variables.anyMatch("all"::equals)) {
					violations.add(name + " passes variables=\"all\"");
				}
				if (!keys.contains(call.getCalledElement())) {
					violations.add(name + " calls " + call.getCalledElement() + ", which is not in processes/");
				}
			}
		});
	}

	@Test
	void everyFormIsUsedByAModel() {
		assertThat(this.forms).as("forms in forms/").isNotEmpty();
		Set<String> referenced = this.models.stream()
			.flatMap((model) -> Stream.concat(model.all(UserTask.class).stream().map(UserTask::getCamundaFormRef),
					model.all(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)))
			.collect(Collectors.toSet());
		assertThat(this.forms).as("forms no model references")
			.map(ProcessModelRulesTest::baseName)
			.allMatch(referenced::contains);
	}

	@Test
	void formIdIsTheFileName() {
		assertThat(this.forms).as("forms in forms/").isNotEmpty();
		for (Path form : this.forms) {
			assertThat(formId(form)).as("id of %s", form).isEqualTo(baseName(form));
		}
	}

	@Test
	void everyElementIsDrawn() {
		assertRule((model, violations) -> {
			Collection<BpmnDiagram> diagrams = model.all(BpmnDiagram.class);
			if (diagrams.size() != 1) {
				violations.add(model + " has " + diagrams.size() + " diagrams");
			}
			diagrams.stream()
				.filter((diagram) -> diagram.getBpmnPlane() == null
						|| !(diagram.getBpmnPlane().getBpmnElement() instanceof Process
								|| diagram.getBpmnPlane().getBpmnElement() instanceof Collaboration))
				.forEach((diagram) -> violations
					.add(model + ": diagram " + diagram.getId() + " does not draw the process or its collaboration"));
			List<BaseElement> drawable = new ArrayList<>();
			model.all(FlowElement.class)
				.stream()
				.filter((element) -> !(element instanceof DataObject))
				.forEach(drawable::add);
			drawable.addAll(model.all(Participant.class));
			drawable.addAll(model.all(Lane.class));
			drawable.addAll(model.all(Artifact.class));
			for (BaseElement element : drawable) {
				DiagramElement di = element.getDiagramElement();
				if (di == null) {
					violations.add(model + ": " + element.getId() + " has no BPMNDI shape or edge");
				}
				else if (di instanceof BpmnShape shape && shape.getBounds() == null) {
					violations.add(model + ": shape of " + element.getId() + " has no bounds");
				}
				else if (di instanceof BpmnEdge edge && edge.getWaypoints().size() < 2) {
					violations.add(model + ": edge of " + element.getId() + " has fewer than two waypoints");
				}
			}
			model.all(BpmnShape.class)
				.stream()
				.filter((shape) -> shape.getBpmnElement() == null)
				.forEach((shape) -> violations.add(model + ": shape " + shape.getId() + " draws nothing"));
			model.all(BpmnEdge.class)
				.stream()
				.filter((edge) -> edge.getBpmnElement() == null)
				.forEach((edge) -> violations.add(model + ": edge " + edge.getId() + " draws nothing"));
		});
	}

	/** Runs a rule over every model and fails with every violation it found. */
	private void assertRule(BiConsumer<Model, List<String>> rule) {
		List<String> violations = new ArrayList<>();
		this.models.forEach((model) -> rule.accept(model, violations));
		assertThat(violations).isEmpty();
	}

	private void checkFormRef(String name, String formRef, String binding, List<String> violations) {
		if (isBlank(formRef)) {
			violations.add(name + " has no camunda:formRef");
			return;
		}
		if (!Files.isRegularFile(FORMS.resolve(formRef + ".form"))) {
			violations.add(name + " refers to forms/" + formRef + ".form, which does not exist");
		}
		if (!"deployment".equals(binding)) {
			violations.add(name + " has camunda:formRefBinding " + binding + ", not deployment");
		}
	}

	private static void kebab(Model model, String what, String value, List<String> violations) {
		if (value == null || !KEBAB_CASE.matcher(value).matches()) {
			violations.add(model + ": " + what + " " + value + " is not kebab-case");
		}
	}

	private static boolean isNamedUser(String user) {
		return user != null && !user.startsWith("${") && !user.startsWith("#{");
	}

	private static boolean isBean(String expression) {
		return expression != null && BEAN_EXPRESSION.matcher(expression).matches();
	}

	/**
	 * Tasklist and Cockpit show a model's names as they are, so they carry both languages
	 * as the form labels do: Hebrew first, then {@link BilingualNames#SEPARATOR}, then
	 * English.
	 */
	private static void checkBilingualName(String element, String name, List<String> violations) {
		if (isBlank(name) || !name.contains(BilingualNames.SEPARATOR)) {
			violations.add(element + " is not named \"עברית / English\": " + name);
			return;
		}
		if (!HEBREW.matcher(BilingualNames.hebrew(name)).find()
				|| HEBREW.matcher(BilingualNames.english(name)).find()) {
			violations.add(element + " has no Hebrew half before the English one: " + name);
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String parentId(ModelElementInstance element) {
		ModelElementInstance parent = element.getParentElement();
		while (parent != null && !(parent instanceof BaseElement base && base.getId() != null)) {
			parent = parent.getParentElement();
		}
		return (parent != null) ? ((BaseElement) parent).getId() : "?";
	}

	private static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
		if (element.getExtensionElements() == null) {
			return List.of();
		}
		return element.getExtensionElements().getElementsQuery().filterByType(type).list();
	}

	private static List<Model> readModels() {
		List<Path> files = files(PROCESSES, ".bpmn");
		assertThat(files).as("BPMN files in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
		return files.stream().map(Model::read).toList();
	}

	private static List<Path> files(Path folder, String suffix) {
		assertThat(folder).as("folder %s", folder.toAbsolutePath()).isDirectory();
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}

	private static String formId(Path form) {
		try (InputStream in = Files.newInputStream(form)) {
			return JSON.readTree(in).path("id").asText(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Model(Path file, BpmnModelInstance instance) {

		static Model read(Path file) {
			try (InputStream in = Files.newInputStream(file)) {
				return new Model(file, Bpmn.readModelFromStream(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String key() {
			return baseName(this.file);
		}

		<T extends ModelElementInstance> Collection<T> all(Class<T> type) {
			return this.instance.getModelElementsByType(type);
		}

		@Override
		public String toString() {
			return this.file.getFileName().toString();
		}

	}

}
