package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriTemplateHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes of the application on one PostgreSQL database share the engine's job
 * executor: a lifecycle advances whichever node a user talks to, and each job and each
 * mail runs once.
 * <p>
 * Two {@link ApplicationNode}s (the packaged jar, each in a JVM of its own, ports 8502
 * and 8503, node ids {@code node-a} and {@code node-b}, ADR 0018) on the database of
 * {@code LIFECYCLE_TEST_POSTGRES_URL} (its {@code public} schema emptied first), mail to
 * a GreenMail server this test owns. The second node starts after the first is ready, as
 * in docker-compose.yml, and must deploy nothing new. Four communities are driven to year
 * two with every HTTP call going to the other node than the one before. The timers
 * (meeting notices, the planning sheets' reminders, the meeting days) are made due
 * through the engine REST API, and both nodes' job executors run them. Then: the history
 * job log has no job executed twice and jobs executed on both nodes; every mail of the
 * sent log is in GreenMail exactly once. Last, both nodes stop and start again at the
 * same moment: the engine's deployment lock lets neither add a deployment.
 * <p>
 * Runs when {@code LIFECYCLE_TEST_POSTGRES_URL} is set (as {@code .ci/run} does);
 * otherwise skipped with a message, except in CI ({@code CI=true}), where a missing
 * database fails the test.
 */
class TwoNodeClusterIT {

	private static final int COMMUNITIES = 4;

	private static final int SMTP_PORT = freePort();

	private static final GreenMail mailServer = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final List<ApplicationNode> nodes = new ArrayList<>();

	private static String url;

	private static String user;

	private static String password;

	@BeforeAll
	static void postgresAndAnEmptySchema() throws SQLException {
		url = System.getenv(PostgresSchemaIT.URL);
		if (url == null || url.isBlank()) {
			String why = PostgresSchemaIT.URL + " is not set; the two-node test needs a PostgreSQL database ("
					+ "run .ci/run, or set " + PostgresSchemaIT.URL + ", _USER and _PASSWORD)";
			assertThat(System.getenv("CI")).as("CI runs the two-node test: " + why).isNotEqualTo("true");
			System.out.println("\n*** TwoNodeClusterIT SKIPPED: " + why + "\n");
			Assumptions.abort(why);
		}
		user = System.getenv(PostgresSchemaIT.USER);
		password = System.getenv(PostgresSchemaIT.PASSWORD);
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

	@AfterAll
	static void stopEverything() {
		nodes.forEach(ApplicationNode::stop);
		mailServer.stop();
	}

	@Test
	void twoNodesOnOneDatabaseRunEachJobAndSendEachMailOnce() {
		mailServer.start();
		List<String> common = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + ((password == null) ? "" : password), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP_PORT, "--camunda.bpm.job-execution.max-wait=1000",
				"--spring.datasource.hikari.maximum-pool-size=15");
		ApplicationNode a = new ApplicationNode("node-a", 8502, common);
		ApplicationNode b = new ApplicationNode("node-b", 8503, common);
		nodes.add(a);
		nodes.add(b);

		// given: the first node creates the schemas and deploys; then the second starts
		long started = System.nanoTime();
		a.start();
		Duration startA = a.awaitReady(started);
		started = System.nanoTime();
		b.start();
		Duration startB = b.awaitReady(started);
		RunLedger ledger = new RunLedger(url, user, password);
		assertThat(ledger.jdbc().sql("select count(*) from act_re_deployment").query(Long.class).single())
			.as("deployments after both nodes started: the second deployed nothing new")
			.isOne();
		assertThat(ledger.jdbc()
			.sql("select count(*) from act_re_procdef where key_ = 'community-lifecycle'")
			.query(Long.class)
			.single()).isOne();

		// when: communities are driven through both nodes, each call to the other node
		Alternating alternating = new Alternating(a, b);
		YearOneDrive drive = new YearOneDrive(
				new TestRestTemplate(new RestTemplateBuilder().uriTemplateHandler(alternating)));
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= COMMUNITIES; i++) {
			codes.add("cluster-" + i);
		}
		codes.forEach(drive::upToMidYear);
		// and: every notice and every first reminder falls due; both executors run them
		for (String code : codes) {
			assertThat(drive.makeDue(code, "meeting-notice-due")).isEqualTo(YearOneDrive.MEETINGS);
			assertThat(drive.makeDue(code, "plan-meeting-reminder")).isEqualTo(YearOneDrive.MEETINGS);
		}
		drive.awaitNoDueJobs();
		// and: the years go on to year two (the meeting days made due as well)
		codes.forEach(drive::fromMidYearToYearTwo);
		drive.awaitNoDueJobs();

		// then: every step once, every job once, every mail once
		int tasks = 0;
		for (String code : codes) {
			tasks += ledger.assertStepsOnce(code, YearOneDrive.expectedTasks(),
					List.of("ESTABLISHMENT", "YEAR_ONE", "YEAR_TWO"));
		}
		long jobs = ledger.assertEveryJobExecutedAtMostOnce();
		Map<String, Long> jobsByNode = ledger.jobsByNode();
		assertThat(jobsByNode).as("jobs executed by each node").containsOnlyKeys("node-a", "node-b");
		assertThat(jobsByNode.values()).allMatch((count) -> count > 0);
		Map<String, Integer> mails = ledger.assertEveryMailExactlyOnce(Arrays.asList(mailServer.getReceivedMessages()));
		assertThat(mails).containsEntry("candidate-admitted", COMMUNITIES * YearOneDrive.MEMBERS)
			.containsEntry("meeting-notice", COMMUNITIES * YearOneDrive.MEETINGS * YearOneDrive.NOTICES_PER_MEETING)
			.containsEntry("reminder", COMMUNITIES * YearOneDrive.MEETINGS);
		assertThat(alternating.calls(a)).isPositive();
		assertThat(Math.abs(alternating.calls(a) - alternating.calls(b))).isLessThanOrEqualTo(1);

		// when: both nodes are stopped and start again at the same moment
		a.stop();
		b.stop();
		started = System.nanoTime();
		a.start();
		b.start();
		Duration restartA = a.awaitReady(started);
		Duration restartB = b.awaitReady(started);

		// then: their deployments, serialized by the engine's deployment lock, added
		// nothing
		assertThat(ledger.jdbc().sql("select count(*) from act_re_deployment").query(Long.class).single())
			.as("deployments after both nodes started together on the same models")
			.isOne();

		System.out.printf("""

				*** TwoNodeClusterIT: %d communities on 2 nodes, one PostgreSQL; HTTP calls %s; %d tasks completed
				*** jobs executed %d, by node %s; mails %d %s; duplicates 0 (jobs and mails)
				*** start node-a %.1f s (schemas, deployment), node-b %.1f s; both again at once %.1f s and %.1f s;
				*** deployments in the database: 1
				""", COMMUNITIES, alternating.summary(), tasks, jobs, jobsByNode,
				mails.values().stream().mapToInt(Integer::intValue).sum(), mails, startA.toMillis() / 1000.0,
				startB.toMillis() / 1000.0, restartA.toMillis() / 1000.0, restartB.toMillis() / 1000.0);
	}

	/** Sends each request to the other node than the one before. */
	static final class Alternating implements UriTemplateHandler {

		private final List<ApplicationNode> targets;

		private final List<AtomicLong> counts = new ArrayList<>();

		private final AtomicLong next = new AtomicLong();

		Alternating(ApplicationNode... targets) {
			this.targets = List.of(targets);
			this.targets.forEach((target) -> this.counts.add(new AtomicLong()));
		}

		private UriTemplateHandler pick() {
			int index = (int) (this.next.getAndIncrement() % this.targets.size());
			this.counts.get(index).incrementAndGet();
			return new DefaultUriBuilderFactory(this.targets.get(index).baseUrl());
		}

		@Override
		public URI expand(String uriTemplate, Map<String, ?> uriVariables) {
			return pick().expand(uriTemplate, uriVariables);
		}

		@Override
		public URI expand(String uriTemplate, Object... uriVariables) {
			return pick().expand(uriTemplate, uriVariables);
		}

		long calls(ApplicationNode node) {
			return this.counts.get(this.targets.indexOf(node)).get();
		}

		String summary() {
			List<String> parts = new ArrayList<>();
			for (int i = 0; i < this.targets.size(); i++) {
				parts.add(this.targets.get(i).name() + " " + this.counts.get(i).get());
			}
			return String.join(", ", parts);
		}

	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
