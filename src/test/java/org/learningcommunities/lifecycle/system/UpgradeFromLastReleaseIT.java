package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.approvals.WorkPlanSteps;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.learningcommunities.lifecycle.reminders.MailService;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;
import static org.learningcommunities.lifecycle.system.YearOneDrive.form;

/**
 * The database of the last release, communities in the middle of their lifecycle, under
 * the current application: Flyway brings our tables up to date, the engine its schema,
 * the current models are deployed and the running instances move onto them
 * (docs/adr/0023-models-change-while-communities-run.md), and every community goes on
 * with its next step.
 * <p>
 * The database is
 * {@code src/test/resources/releases/v0.1.0/database/mid-lifecycle.pgdump} (how it was
 * made: the README beside it), restored with {@code pg_restore} into the emptied test
 * database of {@code LIFECYCLE_TEST_POSTGRES_URL}; the current jar runs on it as an
 * {@link ApplicationNode}, its mail going to a GreenMail server of the test.
 */
class UpgradeFromLastReleaseIT {

	private static final String FIXTURE = "releases/v0.1.0/database/mid-lifecycle.pgdump";

	/** Our models: every running instance of them must be on their latest version. */
	private static final Set<String> MODELS = models();

	private static final int SMTP_PORT = ApplicationNode.freePort();

	private static final GreenMail mailServer = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static ApplicationNode node;

	@AfterAll
	static void stopEverything() {
		if (node != null) {
			node.stop();
		}
		mailServer.stop();
	}

	@Test
	void theLastReleasesDatabaseIsUpgradedOnStartAndItsCommunitiesGoOn() throws IOException {
		PostgresDatabase database = PostgresDatabase.fromEnvironmentOrSkip("UpgradeFromLastReleaseIT");
		// given: the last release's database, communities mid-lifecycle
		database.empty();
		database.restore(fixture());
		JdbcClient jdbc = database.ledger().jdbc();
		assertThat(migrations(jdbc)).as("the release's Flyway migrations").last().isEqualTo(13);
		Set<String> mailsBefore = new TreeSet<>(
				jdbc.sql("select mail_key from lc_mail_log").query(String.class).list());
		// and: its deployment renamed, so that the start deploys every model anew even
		// where this version's file equals the release's, and moves every running
		// instance (the deployment filters duplicates by name:
		// docs/adr/0023-models-change-while-communities-run.md)
		assertThat(jdbc.sql("update act_re_deployment set name_ = 'community-lifecycle-0.1.0' where name_ = ?")
			.param(ModelDeployment.DEPLOYMENT_NAME)
			.update()).isOne();
		// and: its calendar moved by the time since it was made (its last job's run), so
		// that its timers and due dates lie as far ahead as they did then, whichever day
		// the test runs
		for (String table : List.of("act_ru_job set duedate_ = duedate_", "act_ru_task set due_date_ = due_date_",
				"lc_open_task set due_at = due_at")) {
			jdbc.sql("update " + table + " + (localtimestamp - (select max(timestamp_) from act_hi_job_log))").update();
		}
		long running = jdbc.sql("select count(*) from act_ru_execution where parent_id_ is null")
			.query(Long.class)
			.single();

		// when: the current application starts on it
		mailServer.start();
		node = new ApplicationNode("upgrade-node", ApplicationNode.freePort(),
				Stream
					.concat(database.datasourceArguments().stream(), Stream.of("--spring.mail.host=127.0.0.1",
							"--spring.mail.port=" + SMTP_PORT, "--camunda.bpm.job-execution.max-wait=1000"))
					.toList());
		long started = System.nanoTime();
		node.start();
		Duration start = node.awaitReady(started);

		// then: every migration of this version ran, the engine's schema is current
		assertThat(migrations(jdbc)).as("Flyway migrations after the upgrade").last().isEqualTo(latestMigration());
		assertThat(jdbc.sql("select count(*) from lc_schema_history where not success").query(Long.class).single())
			.isZero();
		// and: every running instance of our models is on its model's latest version
		List<String> behind = jdbc.sql("""
				select d.key_ || ' version ' || d.version_ from act_ru_execution e
				join act_re_procdef d on d.id_ = e.proc_def_id_
				where e.parent_id_ is null
				  and d.version_ < (select max(l.version_) from act_re_procdef l where l.key_ = d.key_)""")
			.query(String.class)
			.list()
			.stream()
			.filter((definition) -> MODELS.contains(definition.substring(0, definition.indexOf(' '))))
			.toList();
		assertThat(behind).as("running instances left on an older version of their model").isEmpty();
		assertThat(node.logLines("Migrated ")
			.stream()
			.mapToLong((line) -> Long.parseLong(line.replaceAll(".*Migrated (\\d+) instance.*", "$1")))
			.sum()).as("instances the start migrated (log lines 'Migrated n instance(s)')").isEqualTo(running);
		assertThat(node.logLines("stays on version")).as("instances the migration refused").isEmpty();

		// when: the screening reminders of the release's candidates fall due
		YearOneDrive drive = new YearOneDrive(node.rest());
		assertThat(drive.makeDue("engineers-2026", "screen-candidate-reminder")).isEqualTo(8);
		drive.awaitNoDueJobs();
		// and: each community takes its next step
		LifecycleRestClient client = new LifecycleRestClient(node.rest());
		client.complete(MANAGER, "education-2026", "recruit-partners", EstablishmentSteps.sharedVision());
		WorkPlanSteps workPlans = new WorkPlanSteps(client);
		workPlans.approveAs("foundation", "welfare-2026", WorkPlanSteps.approve());
		workPlans.approveAs("ministry", "welfare-2026", WorkPlanSteps.approve());
		for (JsonNode screening : drive.awaitTasks("engineers-2026", "screen-candidate", 8)) {
			assertThat(client
				.submitTask(LEADER, screening.path("id").asText(),
						form("partnersConsulted", true, "screeningDecision", "interview", "screeningNotes",
								"Fits the mix"))
				.status()
				.value()).isEqualTo(204);
		}
		client.complete(LEADER, "econ-dev-2026", "lay-out-syllabus", form("syllabus", syllabus()));

		// then: each is where that step leads
		drive.awaitTasks("education-2026", "map-needs", 1);
		drive.awaitStage("welfare-2026", "YEAR_ONE");
		drive.awaitTasks("welfare-2026", "draft-call", 1);
		drive.awaitTasks("engineers-2026", "interview-candidate", 8);
		drive.awaitTasks("econ-dev-2026", "plan-meeting", 3);
		drive.awaitNoDueJobs();
		// and: nothing failed, and every mail the upgraded application logged went out
		// once
		RunLedger ledger = database.ledger();
		ledger.assertEveryJobExecutedAtMostOnce();
		List<String> received = new ArrayList<>();
		for (MimeMessage message : mailServer.getReceivedMessages()) {
			received.add(mailKey(message));
		}
		List<String> logged = new ArrayList<>(jdbc.sql("select mail_key from lc_mail_log").query(String.class).list());
		logged.removeAll(mailsBefore);
		assertThat(received).as("mails received").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(logged);
		assertThat(received.stream()
			.filter((key) -> RunLedger.kind(key).equals("reminder"))
			.map((key) -> key.split(":")[1])
			.distinct()).as("screening tasks reminded of").hasSize(8);
		// and: the board counts what the engine has open
		for (String code : List.of("education-2026", "welfare-2026", "engineers-2026", "econ-dev-2026")) {
			assertThat(client.community(MANAGER, code).path("openTasks").asInt())
				.as("open tasks of %s on the board", code)
				.isEqualTo(client.get("admin", "/engine-rest/task/count?processInstanceBusinessKey=" + code)
					.body()
					.path("count")
					.asInt());
		}

		System.out.printf(
				"%n*** UpgradeFromLastReleaseIT: 0.1.0 database (Flyway 13) upgraded to Flyway %d, start"
						+ " %.1f s; 4 communities went on; %d mails since%n",
				latestMigration(), start.toMillis() / 1000.0, received.size());
	}

	private static List<Integer> migrations(JdbcClient jdbc) {
		return jdbc
			.sql("select cast(version as int) from lc_schema_history where version is not null and success"
					+ " order by installed_rank")
			.query(Integer.class)
			.list();
	}

	/** The highest {@code V<n>__} of this version's {@code db/migration}. */
	private static int latestMigration() {
		try {
			return Stream
				.of(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql"))
				.map((resource) -> resource.getFilename())
				.mapToInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
				.max()
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The process keys of {@code processes/}. */
	private static Set<String> models() {
		try {
			Set<String> keys = new TreeSet<>();
			for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
				keys.add(resource.getFilename().replace(".bpmn", ""));
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The fixture as a file, for pg_restore. */
	private static Path fixture() throws IOException {
		Path file = Path.of("target", "upgrade-it", "mid-lifecycle.pgdump");
		Files.createDirectories(file.getParent());
		try (InputStream in = UpgradeFromLastReleaseIT.class.getClassLoader().getResourceAsStream(FIXTURE)) {
			assertThat(in).as(FIXTURE).isNotNull();
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	/** Three meetings months away: no notice or meeting day falls due during the test. */
	private static String syllabus() {
		return String.join("\n", LocalDate.now().plusMonths(2) + " | Income-producing assets | Lod",
				LocalDate.now().plusMonths(3) + " | Tourism | Karmiel",
				LocalDate.now().plusMonths(4) + " | Industrial zones | Haifa");
	}

	private static String mailKey(MimeMessage message) {
		try {
			return message.getHeader(MailService.MAIL_KEY_HEADER, null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
