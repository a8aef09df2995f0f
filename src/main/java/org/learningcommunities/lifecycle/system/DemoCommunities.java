package org.learningcommunities.lifecycle.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.recruitment.Application;
import org.learningcommunities.lifecycle.recruitment.RecruitmentService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The venture's four communities, at different points of their lifecycle, so that a
 * newcomer finds work in Tasklist at once (demo profile, on an empty database): one just
 * started, one whose partners confirm the goals, one whose call is open with applications
 * to screen, and one whose leading core lays out the syllabus. They are driven the way
 * people drive them, through the forms of the engine as the demo users, in a thread of
 * their own so that the application is up meanwhile.
 * {@code lifecycle.demo.communities=false} turns them off.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "lifecycle.demo.communities", havingValue = "true", matchIfMissing = true)
class DemoCommunities {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunities.class);

	private static final List<String> REGIONS = List.of("north", "haifa", "south");

	private static final List<String> SECTORS = List.of("jewish", "arab");

	private static final List<String> NAMES = List.of("נועה כהן", "Omar Haddad", "מיכל לוי", "Yossi Peretz", "רים חורי",
			"Dana Mizrahi", "אבי ביטון", "Samar Nasser", "תמר אזולאי", "Eitan Friedman");

	private final CommunityRepository communities;

	private final RecruitmentService recruitment;

	private final FormService forms;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final IdentityService identity;

	DemoCommunities(CommunityRepository communities, RecruitmentService recruitment, FormService forms,
			TaskService tasks, RepositoryService repository, IdentityService identity) {
		this.communities = communities;
		this.recruitment = recruitment;
		this.forms = forms;
		this.tasks = tasks;
		this.repository = repository;
		this.identity = identity;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(3)
	public void seed() {
		if (!this.communities.findAll().isEmpty()) {
			return;
		}
		new SimpleAsyncTaskExecutor("demo-communities-").execute(() -> {
			try {
				seedAll();
				log.info("Demo communities ready: education-2026, welfare-2026, engineers-2026, econ-dev-2026");
			}
			catch (RuntimeException ex) {
				log.warn("Demo communities stopped half way: {}", ex.getMessage(), ex);
			}
			finally {
				this.identity.clearAuthentication();
			}
		});
	}

	private void seedAll() {
		start("education-2026", "חינוך וקהילה · Education and community", "Education");

		start("welfare-2026", "רווחה · Social welfare", "Social welfare");
		upToEstablished("welfare-2026");
		draftWorkPlan("welfare-2026");

		start("engineers-2026", "מהנדסי רשויות · City engineers", "Engineering");
		upToYearOne("engineers-2026");
		draftCall("engineers-2026");
		for (int i = 0; i < 8; i++) {
			this.recruitment.apply("engineers-2026", application("engineers", i));
		}

		start("econ-dev-2026", "פיתוח כלכלי · Economic development", "Economic development");
		upToYearOne("econ-dev-2026");
		draftCall("econ-dev-2026");
		for (int i = 0; i < 32; i++) {
			this.recruitment.apply("econ-dev-2026", application("econ", i));
		}
		complete("econ-dev-2026", "follow-applications", "leader", form("closeCallEarly", true));
		for (Task screening : open("econ-dev-2026", "screen-candidate")) {
			submit(screening, "leader", form("partnersConsulted", true, "screeningDecision", "interview"));
		}
		for (Task interview : open("econ-dev-2026", "interview-candidate")) {
			submit(interview, "leader", form("interviewers", "leader, ministry", "interviewNotes",
					"Brings a case from her authority", "interviewScore", 4, "admissionDecision", "admit"));
		}
		// each decision is announced, and the admissions counted, in jobs of their own:
		// no decision is missed (ADR 0020), so nothing needs nudging
		awaitTask("econ-dev-2026", "confirm-cohort", () -> {
		});
		complete("econ-dev-2026", "confirm-cohort", "leader", form("cohortDecision", "confirm"));
		List<String> core = new ArrayList<>();
		this.recruitment.candidates("econ-dev-2026")
			.stream()
			.limit(6)
			.forEach((candidate) -> core.add(String.valueOf(candidate.id())));
		complete("econ-dev-2026", "choose-forums", "leader", form("leadingCore", core, "advisoryCommittee",
				"נציגת הקרן · Foundation\nנציג המשרד · Ministry\nראש עיריית לוד\nראש עיריית כרמיאל\nאוניברסיטת תל אביב"));
		complete("econ-dev-2026", "record-first-meeting", "leader", form("heldOn", LocalDate.now().toString(),
				"topicRanking",
				"1. נכסים מניבים · Income-producing assets\n2. תיירות · Tourism\n3. אזורי תעשייה · Industrial zones",
				"chosenTopics", "נכסים מניבים; תיירות; אזורי תעשייה", "learningNorms",
				"פתיחות, סודיות, כל אחד מביא מקרה · Openness, confidentiality, everyone brings a case"));
	}

	// the steps, each by its owner
	// ---------------------------------------------------------------------------------

	private void start(String code, String name, String field) {
		this.identity.clearAuthentication();
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("community-lifecycle")
			.latestVersion()
			.singleResult()
			.getId();
		as("manager");
		this.forms.submitStartForm(definition, code,
				form("name", name, "code", code, "professionalField", field, "leader", "leader", "foundationRep",
						"foundation", "ministryRep", "ministry", "professionalPartner", "אוניברסיטת תל אביב",
						"plannedStart", LocalDate.now().toString(), "targetSize", 35));
	}

	private void upToGoalConfirmation(String code) {
		complete(code, "recruit-partners", "manager",
				form("partnerOrganisations", "הקרן, המשרד, אוניברסיטת תל אביב · The foundation, the ministry, TAU",
						"agreedBudget", 450000, "vision", "רשויות שלומדות זו מזו · Authorities that learn together",
						"responsibilities", "The foundation runs, the ministry steers, the university teaches",
						"forumsAndRoutines", "ועדת היגוי כל רבעון · Steering committee every quarter"));
		complete(code, "map-needs", "leader", form("dataSources", "סקר של 40 רשויות · Survey of 40 authorities",
				"needs", "Managers work alone, without peers"));
		complete(code, "draft-goals", "leader", form("goals", "כלים משותפים · Shared tools", "targets",
				"עשרה פרויקטים משותפים עד השנה השלישית · Ten joint projects by year three"));
	}

	private void upToYearOne(String code) {
		upToEstablished(code);
		draftWorkPlan(code);
		complete(code, "approve-work-plan", "foundation", form("workPlanDecision", "approve"));
		complete(code, "approve-work-plan", "ministry", form("workPlanDecision", "approve"));
		awaitTask(code, "draft-call", () -> {
		});
	}

	/**
	 * Establishment done and its gate signed: the lifecycle waits for year one's plan.
	 */
	private void upToEstablished(String code) {
		upToGoalConfirmation(code);
		complete(code, "confirm-goals", "foundation", form("goalsDecision", "confirm"));
		complete(code, "confirm-goals", "ministry", form("goalsDecision", "confirm"));
		complete(code, "plan-evaluation", "manager",
				form("centralGovernment", "Policy papers adopted", "localAuthorities", "Plans approved by councils",
						"communityAndMembers", "Attendance and peer-learning survey", "organisationalEnvelope",
						"Budget and staff kept", "evaluator", "ד״ר אווה לואטור"));
		complete(code, "define-community-mix", "leader",
				form("targetRoles", "מנהלי פיתוח כלכלי · Heads of economic development", "minSeniorityYears", 3,
						"minShareEachGenderPct", 40, "sectors", SECTORS, "regions", REGIONS));
		complete(code, "sign-stage-gate", "manager", form("gateDecision", "sign"));
	}

	/** The leader drafts year one's work plan; both partners are asked to approve it. */
	private void draftWorkPlan(String code) {
		complete(code, "draft-work-plan", "leader", form("goals",
				"חברי הקהילה מתכננים יחד את כלכלת הרשות · Members plan their authority's economy together", "targets",
				"עשרה פרויקטים משותפים; 80% נוכחות · Ten joint projects; 80% attendance", "meetingsPlanned",
				"עשרה מפגשים חודשיים וסמינר דו־יומי · Ten monthly meetings and a two-day seminar", "workTeams",
				"אין בשנה הראשונה · None in year one", "budgetLines",
				"מקומות וכיבוד · Venues and catering: 45000\nסמינר דו־יומי · Two-day seminar: 30000\nהערכה · Evaluation: 12000"));
	}

	private void draftCall(String code) {
		complete(code, "draft-call", "leader",
				form("callText", "הצטרפו לקהילה הלומדת · Join the learning community", "audience",
						"מנהלים בכירים ברשויות המקומיות · Senior local-authority managers", "callDeadline",
						LocalDate.now().plusDays(30).toString()));
	}

	private static Application application(String prefix, int i) {
		String name = NAMES.get(i % NAMES.size()) + " " + (i + 1);
		return new Application(name, prefix + (i + 1) + "@example.org", "רשות " + (i + 1),
				"ראש אגף פיתוח כלכלי · Head of economic development", REGIONS.get(i % REGIONS.size()),
				SECTORS.get(i % SECTORS.size()), (i % 2 == 0) ? "female" : "male", 5 + i % 12,
				(i % 3 == 0) ? "en" : "he", "ללמוד מעמיתים · To learn from peers", true);
	}

	// engine
	// --------------------------------------------------------------------------------------------------------

	private void complete(String code, String taskKey, String user, Map<String, Object> values) {
		List<Task> found = open(code, taskKey);
		Task task = found.stream()
			.filter((candidate) -> user.equals(candidate.getAssignee()))
			.findFirst()
			.orElseGet(() -> found.stream()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No task " + taskKey + " in " + code)));
		submit(task, user, values);
	}

	private void submit(Task task, String user, Map<String, Object> values) {
		as(user);
		this.forms.submitTaskForm(task.getId(), values);
	}

	private List<Task> open(String code, String taskKey) {
		this.identity.clearAuthentication();
		return this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list();
	}

	private void awaitTask(String code, String taskKey, Runnable nudge) {
		await(() -> !open(code, taskKey).isEmpty(), nudge, code + " " + taskKey);
	}

	private static void await(BooleanSupplier condition, Runnable nudge, String what) {
		long start = System.nanoTime();
		long until = start + TimeUnit.SECONDS.toNanos(60);
		int nudged = 0;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException("Waited a minute for " + what);
			}
			if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5L * (nudged + 1))) {
				nudged++;
				nudge.run();
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + what, ex);
			}
		}
	}

	private void as(String user) {
		List<String> groups = this.identity.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		this.identity.setAuthentication(user, groups);
	}

	private static Map<String, Object> form(Object... keysAndValues) {
		Map<String, Object> form = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return form;
	}

}
