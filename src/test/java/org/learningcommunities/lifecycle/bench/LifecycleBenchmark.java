package org.learningcommunities.lifecycle.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import org.learningcommunities.lifecycle.LifecycleApplication;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.community.LifecycleSteps;
import org.learningcommunities.lifecycle.identity.Groups;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * The benchmark, run by {@code bench/run} (never by Maven's tests). Starts the
 * application in this JVM (its port from {@code --port}, a GreenMail SMTP server on
 * {@code --smtp-port}, H2 in memory unless {@code SPRING_DATASOURCE_URL} is set), then
 * for each level of active communities (10, 100, 1,000, ... up to {@code --communities}):
 * seeds the active communities, sweeps their due reminders with the job executor,
 * measures the Tasklist filters and the board over HTTP, and drives {@code --lifecycles}
 * communities through the whole lifecycle against a bare engine. Ends with one line per
 * figure, {@code name: value unit}.
 */
public final class LifecycleBenchmark {

	/** The timer events that remind someone of a task (ids in processes/). */
	static final List<String> REMINDER_TIMERS = List.of("screen-candidate-reminder", "interview-candidate-reminder",
			"plan-meeting-reminder", "approval-reminder-due", "plan-team-product-reminder",
			"review-team-drafts-reminder", "finalize-team-product-reminder", "summarize-year-reminder",
			"hold-farewell-reminder");

	/**
	 * How many active communities each seeded leader leads. A leader leads one community,
	 * two at most (DOMAIN.md); one demo leader leading a thousand communities would
	 * measure a Tasklist nobody has: the engine joins each of a user's visible tasks with
	 * each of the user's task grants.
	 */
	static final int COMMUNITIES_PER_LEADER = 2;

	/**
	 * The leader whose filters are measured: the leader of the second pair of active
	 * communities (one with its work plan waiting for the partners, one with its call
	 * open and two candidates to screen: three tasks of the leader's own). The first
	 * pair's leader has no task (its communities wait for the project manager and the
	 * partners).
	 */
	static final String MEASURED_LEADER = benchLeader(1);

	/** Tasklist's filters measured, by the user who works from them. */
	static final Map<String, String> FILTERS = new LinkedHashMap<>();

	static {
		FILTERS.put("My tasks", MEASURED_LEADER);
		FILTERS.put("Community leaders' tasks", MEASURED_LEADER);
		FILTERS.put("All communities by stage", MANAGER);
		FILTERS.put("Stage gates to sign", MANAGER);
		FILTERS.put("Overdue", MANAGER);
	}

	private final int port;

	private final int samples;

	private final int lifecycles;

	private final int threads;

	private final GreenMail mail;

	private ConfigurableApplicationContext app;

	private ProcessEngine engine;

	private JobExecutor jobExecutor;

	private JdbcTemplate jdbc;

	private TestRestTemplate rest;

	private LifecycleRestClient client;

	private int seeded;

	private final Map<String, Map<Integer, Double>> figures = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private LifecycleBenchmark(int port, int smtpPort, int samples, int lifecycles, int threads) {
		this.port = port;
		this.threads = threads;
		this.samples = samples;
		this.lifecycles = lifecycles;
		// a busy machine starts it in more than GreenMail's default two seconds
		ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		smtp.setServerStartupTimeout(60_000);
		this.mail = new GreenMail(smtp);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int communities = Integer.parseInt(options.getOrDefault("communities", "1000"));
		checkCommunities(communities);
		LifecycleBenchmark benchmark = new LifecycleBenchmark(Integer.parseInt(options.getOrDefault("port", "8601")),
				Integer.parseInt(options.getOrDefault("smtp-port", "8602")),
				Integer.parseInt(options.getOrDefault("samples", "40")),
				Integer.parseInt(options.getOrDefault("lifecycles", "3")),
				Integer.parseInt(options.getOrDefault("seed-threads", "1")));
		int status = 0;
		try {
			benchmark.run(levels(communities));
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			benchmark.stop();
		}
		System.exit(status);
	}

	/**
	 * The measured leader leads the second pair of communities: with fewer, nobody logs
	 * in as them and every filter would answer 401.
	 */
	static void checkCommunities(int communities) {
		int least = 2 * COMMUNITIES_PER_LEADER;
		if (communities < least) {
			throw new IllegalArgumentException("--communities " + communities + ": at least " + least
					+ " (the leader measured, " + MEASURED_LEADER + ", leads the second pair of communities)");
		}
	}

	/** 10, 100, 1,000, ... up to {@code communities}, and {@code communities} itself. */
	static List<Integer> levels(int communities) {
		List<Integer> levels = new ArrayList<>();
		for (int level = 10; level <= communities; level *= 10) {
			levels.add(level);
		}
		if (levels.isEmpty() || levels.get(levels.size() - 1) != communities) {
			levels.add(communities);
		}
		return levels;
	}

	private void run(List<Integer> levels) throws Exception {
		start();
		BareEngine bare = null;
		try {
			// --lifecycles 0: the active communities, the sweep and the queries only
			BareOverRest bareRest = null;
			int[] perCommunity = null;
			if (this.lifecycles > 0) {
				say("warm-up: one lifecycle through the application");
				// the warm-up is not timed: it counts the SQL statements of each side
				// instead
				StatementCount appStatements = StatementCount.during(() -> {
					new Journey(this.client, "bench-warm-up").run();
					runDueJobs();
				});
				perCommunity = tasksAndTimers("bench-warm-up");
				say("a lifecycle completes %d user tasks and fires %d timers", perCommunity[0], perCommunity[1]);
				bare = new BareEngine(perCommunity[0], perCommunity[1]);
				bare.drive("bare-warm-up");
				bareRest = new BareOverRest(this.engine, this.client, perCommunity[0], perCommunity[1]);
				BareOverRest warmUp = bareRest;
				StatementCount bareStatements = StatementCount.during(() -> warmUp.drive("bench-bare-rest-warm-up"));
				say("SQL statements per completed task: the application %s; the bare model over REST %s",
						appStatements.perTask(perCommunity[0]), bareStatements.perTask(perCommunity[0]));
				say("the application's statements by kind: %s", appStatements.top(40));
				say("the application's own statements by kind: %s", appStatements.top(40, "ours: "));
				say("the bare model's statements by kind: %s", bareStatements.top(40));
			}
			int bareActive = 0;
			for (int level : levels) {
				say("== %d active communities ==", level);
				seed(level);
				// the bare engine carries as many instances waiting at their first task
				if (bare != null) {
					bare.startWaiting(level - bareActive, "bare-active-" + level + "-");
				}
				bareActive = level;
				sweep(level);
				queries(level);
				try {
					if (bare != null) {
						lifecycles(level, bare, bareRest, perCommunity);
					}
				}
				catch (RuntimeException | AssertionError ex) {
					note("the lifecycles at " + level + " failed: " + ex);
				}
			}
		}
		finally {
			if (bare != null) {
				bare.close();
			}
		}
		report(levels);
	}

	// the application
	// ------------------------------------------------------------------------------------------------

	private void start() {
		this.mail.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", this.port);
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", this.mail.getSmtp().getPort());
		properties.put("lifecycle.demo.communities", false);
		properties.put("logging.file.name", "target/bench/application.log");
		properties.put("logging.threshold.console", "WARN");
		if (System.getenv("SPRING_DATASOURCE_URL") == null) {
			// H2 caches the result of a repeated identical query: measure the query, not
			// the cache
			properties.put("spring.datasource.url",
					"jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=0");
		}
		say("database: %s", System.getenv("SPRING_DATASOURCE_URL") == null ? "embedded H2 (in memory)"
				: System.getenv("SPRING_DATASOURCE_URL"));
		// as command-line arguments: they win over application.yml (never port 8080)
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.app = new SpringApplicationBuilder(LifecycleApplication.class).run(arguments);
		int actualPort = this.app.getEnvironment().getProperty("local.server.port", Integer.class, -1);
		Journey.check(actualPort == this.port, "the application listens on " + actualPort);
		this.engine = this.app.getBean(ProcessEngine.class);
		this.jobExecutor = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getJobExecutor();
		// time passes only where the benchmark says so: the job executor runs in the
		// sweep
		this.jobExecutor.shutdown();
		this.jdbc = this.app.getBean(JdbcTemplate.class);
		this.rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + this.port));
		this.client = new LifecycleRestClient(this.rest);
	}

	private void stop() {
		if (this.app != null) {
			this.app.close();
		}
		this.mail.stop();
	}

	// active communities
	// -----------------------------------------------------------------------------------------

	/**
	 * Active communities, through the forms as their people would, in four kinds in turn:
	 * just started (recruit-partners open), goals drafted (both partners' confirmations
	 * open), established with year one's work plan drafted (both partners' approvals
	 * open, with reminders), year one's call open with two applications (two screenings
	 * open, with reminders, and follow-applications).
	 */
	private void seed(int level) throws InterruptedException {
		long started = System.nanoTime();
		int before = this.seeded;
		for (int n = before / COMMUNITIES_PER_LEADER; n <= (level - 1) / COMMUNITIES_PER_LEADER; n++) {
			createLeader(benchLeader(n));
		}
		ExecutorService threads = Executors.newFixedThreadPool(this.threads);
		List<Future<?>> seeds = new ArrayList<>();
		for (int i = before; i < level; i++) {
			int index = i;
			seeds.add(threads.submit(() -> seedOne(index)));
		}
		threads.shutdown();
		for (Future<?> seed : seeds) {
			try {
				seed.get();
			}
			catch (ExecutionException ex) {
				threads.shutdownNow();
				throw new IllegalStateException("seeding failed", ex.getCause());
			}
		}
		this.seeded = level;
		double seconds = seconds(started);
		say("seeded %d active communities in %.1f s (%.0f ms each, %d threads); %d open tasks", level - before, seconds,
				1000 * seconds / Math.max(1, level - before), this.threads,
				this.engine.getTaskService().createTaskQuery().count());
	}

	static String benchLeader(int number) {
		return String.format("bench-leader-%04d", number);
	}

	/** A member of community-leaders as the demo users are (password = user id). */
	private void createLeader(String id) {
		IdentityService identity = this.engine.getIdentityService();
		if (identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identity.newUser(id);
		user.setFirstName("Bench");
		user.setLastName(id);
		user.setEmail(id + "@example.org");
		user.setPassword(id);
		identity.saveUser(user);
		identity.createMembership(id, Groups.COMMUNITY_LEADERS);
	}

	private void seedOne(int index) {
		String leader = benchLeader(index / COMMUNITIES_PER_LEADER);
		EstablishmentSteps establishment = new EstablishmentSteps(this.client, leader);
		WorkPlanSteps workPlan = new WorkPlanSteps(this.client, leader);
		String code = "bench-active-" + index;
		switch (index % 4) {
			case 0 -> establishment.start(code);
			case 1 -> establishment.upToGoalConfirmation(code);
			default -> {
				establishment.upToStageGate(code);
				this.client.complete(MANAGER, code, "sign-stage-gate", EstablishmentSteps.signGate());
				workPlan.draft(code, WorkPlanSteps.plan("version 1"));
				if (index % 4 == 3) {
					workPlan.approveAs(EstablishmentSteps.FOUNDATION, code, WorkPlanSteps.approve());
					workPlan.approveAs(EstablishmentSteps.MINISTRY, code, WorkPlanSteps.approve());
					this.client.complete(leader, code, "draft-call", LifecycleSteps.draftCall(LocalDate.now()));
					LifecycleSteps community = new LifecycleSteps(this.client, code);
					community.apply("first");
					community.apply("second");
				}
			}
		}
	}

	// the reminder sweep
	// -----------------------------------------------------------------------------------------

	private void sweep(int level) throws InterruptedException {
		ManagementService management = this.engine.getManagementService();
		// what the seeding left to the job executor (mails to candidates): not part of
		// the
		// sweep
		this.jobExecutor.start();
		awaitQuiet(Long.MAX_VALUE, 0, 0);
		this.jobExecutor.shutdown();

		List<Job> reminders = new ArrayList<>();
		for (String activityId : REMINDER_TIMERS) {
			reminders.addAll(management.createJobQuery().timers().activityId(activityId).list());
		}
		long lastLogId = lastMailLogId();
		int receivedBefore = this.mail.getReceivedMessages().length;
		Date due = new Date(ClockUtil.getCurrentTime().getTime() - 1000);
		for (Job reminder : reminders) {
			management.setJobDuedate(reminder.getId(), due);
		}
		long started = System.nanoTime();
		this.jobExecutor.start();
		awaitQuiet(lastLogId, receivedBefore, 600);
		double seconds = seconds(started);
		this.jobExecutor.shutdown();

		// every reminder fired, every mail logged once and received once
		for (Job reminder : reminders) {
			Job left = management.createJobQuery().jobId(reminder.getId()).singleResult();
			Journey.check(left == null || left.getDuedate().after(due), "reminder job " + reminder.getId()
					+ " still due: " + (left == null ? "" : left.getExceptionMessage()));
		}
		Journey.check(management.createJobQuery().withException().count() == 0,
				"jobs failed: " + management.createJobQuery().withException().count());
		List<String> keys = this.jdbc.queryForList("select mail_key from lc_mail_log where id > ?", String.class,
				lastLogId);
		int received = this.mail.getReceivedMessages().length - receivedBefore;
		Journey.check(received == keys.size(), received + " mails received, " + keys.size() + " logged");
		long reminderMails = keys.stream().filter((key) -> key.startsWith("reminder")).count();
		Journey.check(reminders.isEmpty() || reminderMails >= reminders.size() / 2,
				reminderMails + " reminder mails for " + reminders.size() + " reminders");
		say("reminder sweep: %d reminder timers fired, %d mails (%d reminders), each logged and received once, in %.2f s"
				+ " (%.1f mails/s)", reminders.size(), keys.size(), reminderMails, seconds, keys.size() / seconds);
		record("reminder_sweep_s", level, seconds);
		record("reminder_mails_per_s", level, keys.size() / seconds);
		record("reminder_mails", level, keys.size());
	}

	private long lastMailLogId() {
		Long id = this.jdbc.queryForObject("select max(id) from lc_mail_log", Long.class);
		return (id != null) ? id : 0;
	}

	/**
	 * Waits until no job is due any more and every mail logged since {@code lastLogId}
	 * was received by the SMTP server.
	 */
	private void awaitQuiet(long lastLogId, int receivedBefore, int timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + (timeoutSeconds > 0 ? timeoutSeconds : 1800) * 1_000_000_000L;
		while (System.nanoTime() < deadline) {
			long due = this.engine.getManagementService().createJobQuery().executable().count();
			if (due == 0) {
				if (lastLogId == Long.MAX_VALUE) {
					return;
				}
				Integer logged = this.jdbc.queryForObject("select count(*) from lc_mail_log where id > ?",
						Integer.class, lastLogId);
				if (logged != null && this.mail.getReceivedMessages().length - receivedBefore >= logged) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("jobs still due after " + timeoutSeconds + " s");
	}

	// query latency
	// -------------------------------------------------------------------------------------------

	private void queries(int level) {
		Map<String, String> filterIds = new LinkedHashMap<>();
		this.client.get("admin", "/engine-rest/filter?resourceType=Task").body().forEach((filter) -> {
			String name = filter.path("name").asText();
			FILTERS.keySet()
				.stream()
				.filter(name::startsWith)
				.findFirst()
				.ifPresent((key) -> filterIds.put(key, filter.path("id").asText()));
		});
		Journey.check(filterIds.size() == FILTERS.size(), "Tasklist filters found: " + filterIds.keySet());
		Map<String, Supplier<Integer>> queries = new LinkedHashMap<>();
		FILTERS.forEach((name, user) -> {
			String id = filterIds.get(name);
			int count = this.client.get(user, "/engine-rest/filter/" + id + "/count").body().path("count").asInt();
			say("filter '%s' as %s: %d tasks", name, user, count);
			queries.put("filter " + name, () -> tasklistList(user, id));
		});
		String board = "/api/board?page=0&size=50";
		if (this.client.get(MANAGER, board).status().value() == 200) {
			queries.put("board", () -> status(MANAGER, board));
			queries.put("board overdue", () -> status(MANAGER, "/api/board?overdue=true&page=0&size=50"));
		}
		else {
			note("GET /api/board is not in this build: the board figures measure its data path that exists,"
					+ " GET /api/communities");
			queries.put("board (data path: /api/communities)", () -> status(MANAGER, "/api/communities"));
		}
		Map<String, List<Double>> times = new LinkedHashMap<>();
		queries.keySet().forEach((name) -> times.put(name, new ArrayList<>()));
		for (int round = -3; round < this.samples; round++) {
			for (Map.Entry<String, Supplier<Integer>> query : queries.entrySet()) {
				long started = System.nanoTime();
				int status = query.getValue().get();
				double millis = (System.nanoTime() - started) / 1e6;
				Journey.check(status == 200, query.getKey() + " answered " + status);
				if (round >= 0) {
					times.get(query.getKey()).add(millis);
				}
			}
		}
		double worstFilter50 = 0;
		double worstFilter95 = 0;
		double worstFilter99 = 0;
		double worstBoard50 = 0;
		double worstBoard95 = 0;
		double worstBoard99 = 0;
		for (Map.Entry<String, List<Double>> entry : times.entrySet()) {
			double[] sorted = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			double p50 = percentile(sorted, 50);
			double p95 = percentile(sorted, 95);
			double p99 = percentile(sorted, 99);
			say("%-45s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms", entry.getKey(), p50, p95, p99);
			if (entry.getKey().startsWith("filter")) {
				worstFilter50 = Math.max(worstFilter50, p50);
				worstFilter95 = Math.max(worstFilter95, p95);
				worstFilter99 = Math.max(worstFilter99, p99);
			}
			else {
				worstBoard50 = Math.max(worstBoard50, p50);
				worstBoard95 = Math.max(worstBoard95, p95);
				worstBoard99 = Math.max(worstBoard99, p99);
			}
		}
		profile(level, filterIds);
		record("task_query_p50_ms", level, worstFilter50);
		record("task_query_p95_ms", level, worstFilter95);
		record("task_query_p99_ms", level, worstFilter99);
		record("board_p50_ms", level, worstBoard50);
		record("board_p95_ms", level, worstBoard95);
		record("board_p99_ms", level, worstBoard99);
	}

	/**
	 * Where each filter's time goes (see {@link FilterProfile}); the plans go to
	 * {@code target/bench/explain-<level>-<filter>.txt}.
	 */
	private void profile(int level, Map<String, String> filterIds) {
		FilterProfile profile = new FilterProfile(this.engine, this.jdbc, (line) -> say("%s", line));
		FILTERS.forEach((name, user) -> {
			String id = filterIds.get(name);
			try {
				List<String[]> statements = profile.statements(() -> tasklistList(user, id));
				Map<String, Long> byId = new LinkedHashMap<>();
				statements.forEach((statement) -> byId.merge(statement[0], 1L, Long::sum));
				say("filter '%s' over REST with HAL: %d statements: %s", name, statements.size(), byId);
				StringBuilder plans = new StringBuilder();
				for (String[] statement : statements) {
					if (statement[0].startsWith("TaskEntity.selectTask")) {
						plans.append("-- ")
							.append(statement[0])
							.append('\n')
							.append(statement[1])
							.append('\n')
							.append("-- parameters: ")
							.append(statement[2])
							.append('\n')
							.append(profile.explain(statement))
							.append("\n\n");
					}
				}
				profile.write("explain-" + level + "-" + name.replaceAll("\\W+", "-") + ".txt", plans.toString());
				profile.engineTimes(user, id, Math.max(5, this.samples / 2))
					.forEach((setting, millis) -> say(
							"filter '%s' list(15) + count in-process, %s: %.1f ms CPU" + " (%.1f ms wall)", name,
							setting, millis[0], millis[1]));
			}
			catch (RuntimeException ex) {
				note("profile of '" + name + "' at " + level + " failed: " + ex);
			}
		});
	}

	/**
	 * A filter's first page as Tasklist asks for it: HAL, with the filter's variables
	 * embedded.
	 */
	private int tasklistList(String user, String filterId) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, user);
		ResponseEntity<String> answer = this.rest.exchange(
				"/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", HttpMethod.POST,
				new HttpEntity<>("{}", headers), String.class);
		return answer.getStatusCode().value();
	}

	private int status(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		headers.setBasicAuth(user, user);
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
			.getStatusCode()
			.value();
	}

	// the lifecycle cost against a bare engine
	// ------------------------------------------------------------------------------

	private void lifecycles(int level, BareEngine bare, BareOverRest bareRest, int[] perCommunity) {
		long started = System.nanoTime();
		long cpuStarted = cpuNanos();
		for (int i = 0; i < this.lifecycles; i++) {
			new Journey(this.client, "bench-life-" + level + "-" + i).run();
		}
		runDueJobs();
		double appSeconds = seconds(started);
		double appCpuSeconds = (cpuNanos() - cpuStarted) / 1e9;
		int tasks = 0;
		for (int i = 0; i < this.lifecycles; i++) {
			int[] done = tasksAndTimers("bench-life-" + level + "-" + i);
			Journey.check(done[0] == perCommunity[0] && done[1] == perCommunity[1],
					"lifecycle " + i + " did " + Arrays.toString(done));
			tasks += done[0];
		}
		// the fair comparison: the bare model in the same engine, driven the same way
		started = System.nanoTime();
		cpuStarted = cpuNanos();
		for (int i = 0; i < this.lifecycles; i++) {
			bareRest.drive("bench-bare-rest-" + level + "-" + i);
		}
		double bareRestSeconds = seconds(started);
		double bareRestCpuSeconds = (cpuNanos() - cpuStarted) / 1e9;
		started = System.nanoTime();
		for (int i = 0; i < this.lifecycles; i++) {
			bare.drive("bare-life-" + level + "-" + i);
		}
		double bareSeconds = seconds(started);
		double app = 1000 * appSeconds / tasks;
		double sameWay = 1000 * bareRestSeconds / tasks;
		double engineOnly = 1000 * bareSeconds / tasks;
		say("lifecycles: %d through the application in %.1f s, %.2f ms per completed task; the bare model over REST"
				+ " in the same engine %.1f s, %.2f ms per task (ratio %.2f); a bare engine in-process %.1f s,"
				+ " %.2f ms per task (ratio %.1f)", this.lifecycles, appSeconds, app, bareRestSeconds, sameWay,
				app / sameWay, bareSeconds, engineOnly, app / engineOnly);
		// CPU time of this JVM (server and client threads alike): less sensitive to the
		// other work on a shared machine than the wall time
		double appCpu = 1000 * appCpuSeconds / tasks;
		double bareRestCpu = 1000 * bareRestCpuSeconds / tasks;
		say("CPU of this JVM per completed task: the application %.2f ms, the bare model over REST %.2f ms"
				+ " (ratio %.2f)", appCpu, bareRestCpu, appCpu / bareRestCpu);
		record("app_cost_per_task_ms", level, app);
		record("app_cpu_per_task_ms", level, appCpu);
		record("bare_rest_cpu_per_task_ms", level, bareRestCpu);
		record("lifecycle_cpu_ratio", level, appCpu / bareRestCpu);
		record("bare_rest_cost_per_task_ms", level, sameWay);
		record("bare_cost_per_task_ms", level, engineOnly);
		record("lifecycle_cost_ratio", level, app / sameWay);
		record("engine_only_ratio", level, app / engineOnly);
	}

	/**
	 * Runs every due job in this thread, as the job executor would (the mails a lifecycle
	 * sends, the recounts).
	 */
	private void runDueJobs() {
		ManagementService management = this.engine.getManagementService();
		for (int pass = 0; pass < 20; pass++) {
			List<Job> due = management.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> management.executeJob(job.getId()));
		}
	}

	/** The user tasks completed and the timers fired in a community's processes. */
	private int[] tasksAndTimers(String code) {
		int tasks = (int) this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(code)
			.finished()
			.count();
		int timers = 0;
		for (HistoricProcessInstance instance : this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.list()) {
			for (String type : List.of("intermediateTimer", "boundaryTimer")) {
				timers += (int) this.engine.getHistoryService()
					.createHistoricActivityInstanceQuery()
					.processInstanceId(instance.getId())
					.activityType(type)
					.finished()
					.count();
			}
		}
		return new int[] { tasks, timers };
	}

	// figures
	// ------------------------------------------------------------------------------------------------

	private void record(String name, int level, double value) {
		this.figures.computeIfAbsent(name, (key) -> new LinkedHashMap<>()).put(level, value);
	}

	private void note(String note) {
		if (!this.notes.contains(note)) {
			this.notes.add(note);
			say("NOTE: %s", note);
		}
	}

	private void report(List<Integer> levels) {
		int top = levels.get(levels.size() - 1);
		System.out.println();
		System.out.println("== by active communities ==");
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s", "figure"));
		levels.forEach((level) -> header.append(String.format(Locale.ROOT, "%12d", level)));
		header.append("   growth exponent");
		System.out.println(header);
		this.figures.forEach((name, byLevel) -> {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", name));
			levels.forEach((level) -> line.append(String.format(Locale.ROOT, "%12.2f", byLevel.get(level))));
			line.append(String.format(Locale.ROOT, "   %.2f", slope(byLevel)));
			System.out.println(line);
		});
		this.notes.forEach((note) -> System.out.println("NOTE: " + note));
		System.out.println();
		System.out.println("== figures at " + top + " active communities ==");
		String[][] units = { { "lifecycle_cost_ratio", "x" }, { "engine_only_ratio", "x" },
				{ "app_cost_per_task_ms", "ms" }, { "bare_rest_cost_per_task_ms", "ms" },
				{ "lifecycle_cpu_ratio", "x" }, { "app_cpu_per_task_ms", "ms" }, { "bare_rest_cpu_per_task_ms", "ms" },
				{ "bare_cost_per_task_ms", "ms" }, { "task_query_p50_ms", "ms" }, { "task_query_p95_ms", "ms" },
				{ "task_query_p99_ms", "ms" }, { "board_p50_ms", "ms" }, { "board_p95_ms", "ms" },
				{ "board_p99_ms", "ms" }, { "reminder_sweep_s", "s" }, { "reminder_mails_per_s", "mails/s" },
				{ "reminder_mails", "mails" } };
		for (String[] figure : units) {
			if (!this.figures.containsKey(figure[0])) {
				continue;
			}
			System.out.printf(Locale.ROOT, "%s: %.2f %s%n", figure[0], this.figures.get(figure[0]).get(top), figure[1]);
		}
		if (levels.size() > 1) {
			for (String[] figure : units) {
				if (!this.figures.containsKey(figure[0])) {
					continue;
				}
				System.out.printf(Locale.ROOT, "growth_%s: %.2f exponent%n", figure[0],
						slope(this.figures.get(figure[0])));
			}
		}
	}

	/** The least-squares slope of log(value) over log(level): the growth exponent. */
	static double slope(Map<Integer, Double> byLevel) {
		if (byLevel.size() < 2) {
			return Double.NaN;
		}
		double n = byLevel.size();
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		for (Map.Entry<Integer, Double> point : byLevel.entrySet()) {
			double x = Math.log(point.getKey());
			double y = Math.log(Math.max(point.getValue(), 1e-9));
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
		}
		return (n * sxy - sx * sy) / (n * sxx - sx * sx);
	}

	/** Nearest rank. */
	static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** CPU time of this JVM, all threads. */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	private static void say(String format, Object... arguments) {
		System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--") && args[i].contains("=")) {
				options.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
			}
			else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				throw new IllegalArgumentException("unknown argument " + args[i]
						+ " (bench/run [--communities N] [--lifecycles M] [--samples S] [--seed-threads T] [--port P] [--smtp-port P])");
			}
		}
		return options;
	}

}
