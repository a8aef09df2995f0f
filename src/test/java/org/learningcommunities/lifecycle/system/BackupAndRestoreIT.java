package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running installation backed up the way docs/upgrade-and-backup.md says (its settings
 * file and {@code pg_dump} of its database, taken while it runs, communities mid-year),
 * then lost, then restored on a fresh database from the backup alone: the communities go
 * on to year two, and every mail, before the backup and after the restore, went out
 * exactly once.
 * <p>
 * The installation is an {@link ApplicationNode} (the packaged jar) whose settings are a
 * file ({@code --spring.config.additional-location}), on the database of
 * {@code LIFECYCLE_TEST_POSTGRES_URL}; the restore goes into a new database beside it
 * ({@code <name>_restored}, which needs the test user's CREATEDB right, as
 * {@code .ci/run} grants). Mail goes to a GreenMail server of the test, the same before
 * and after, which counts each mail by its key ({@link RunLedger}).
 */
class BackupAndRestoreIT {

	private static final int COMMUNITIES = 2;

	private static final Path WORK = Path.of("target", "backup-it");

	private static final int SMTP_PORT = ApplicationNode.freePort();

	private static final GreenMail mailServer = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final List<ApplicationNode> nodes = new ArrayList<>();

	private static PostgresDatabase database;

	private static PostgresDatabase restored;

	@AfterAll
	static void stopEverything() {
		nodes.forEach(ApplicationNode::stop);
		mailServer.stop();
		if (restored != null) {
			restored.dropFrom(database);
		}
	}

	@Test
	void anInstallationBackedUpMidYearAndRestoredOnAFreshDatabaseGoesOnWithEveryMailOnce() throws IOException {
		database = PostgresDatabase.fromEnvironmentOrSkip("BackupAndRestoreIT");
		database.empty();
		FileSystemUtils.deleteRecursively(WORK);
		Files.createDirectories(WORK);
		mailServer.start();

		// given: an installation whose settings are a file, on PostgreSQL
		Path settings = settings(WORK.resolve("installation"), database);
		ApplicationNode installation = node("backup-node", settings);
		installation.start();
		installation.awaitReady(System.nanoTime());
		// and: communities in the middle of year one, nothing due
		YearOneDrive drive = new YearOneDrive(installation.rest());
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= COMMUNITIES; i++) {
			codes.add("backup-" + i);
		}
		codes.forEach(drive::upToMidYear);
		drive.awaitNoDueJobs();
		int mailsBeforeBackup = mailServer.getReceivedMessages().length;

		// when: it is backed up while it runs: its settings file and a dump of its
		// database
		Path backup = Files.createDirectories(WORK.resolve("backup"));
		Files.copy(settings, backup.resolve("lifecycle.properties"));
		long dumping = System.nanoTime();
		database.dump(backup.resolve("lifecycle.pgdump"));
		Duration dump = Duration.ofNanos(System.nanoTime() - dumping);
		// and: the server is lost
		assertThat(installation.kill()).as("exit code of the lost server (SIGKILL)").isEqualTo(137);

		// and: the backup is restored on a fresh database, with the settings of the
		// backup (only the database's address changed)
		restored = database.createSibling("restored");
		long restoring = System.nanoTime();
		restored.restore(backup.resolve("lifecycle.pgdump"));
		Duration restore = Duration.ofNanos(System.nanoTime() - restoring);
		Path restoredSettings = Files.createDirectories(WORK.resolve("restored")).resolve("lifecycle.properties");
		Files.writeString(restoredSettings,
				Files.readString(backup.resolve("lifecycle.properties")).replace(database.url(), restored.url()));
		ApplicationNode restoredInstallation = node("restored-node", restoredSettings);
		restoredInstallation.start();
		restoredInstallation.awaitReady(System.nanoTime());

		// then: the communities are where the backup left them
		YearOneDrive restoredDrive = new YearOneDrive(restoredInstallation.rest());
		for (String code : codes) {
			restoredDrive.awaitStage(code, "YEAR_ONE");
			restoredDrive.awaitTasks(code, "plan-meeting", YearOneDrive.MEETINGS);
		}
		// when: the notices and the first reminders fall due, and the year goes on
		for (String code : codes) {
			assertThat(restoredDrive.makeDue(code, "meeting-notice-due")).isEqualTo(YearOneDrive.MEETINGS);
			assertThat(restoredDrive.makeDue(code, "plan-meeting-reminder")).isEqualTo(YearOneDrive.MEETINGS);
		}
		restoredDrive.awaitNoDueJobs();
		codes.forEach(restoredDrive::fromMidYearToYearTwo);
		restoredDrive.awaitNoDueJobs();

		// then: every step once, every job once, every mail once, before and after
		RunLedger ledger = restored.ledger();
		int tasks = 0;
		for (String code : codes) {
			tasks += ledger.assertStepsOnce(code, YearOneDrive.expectedTasks(),
					List.of("ESTABLISHMENT", "YEAR_ONE", "YEAR_TWO"));
		}
		ledger.assertEveryJobExecutedAtMostOnce();
		Map<String, Integer> mails = ledger.assertEveryMailExactlyOnce(Arrays.asList(mailServer.getReceivedMessages()));
		assertThat(mails).containsEntry("candidate-admitted", COMMUNITIES * YearOneDrive.MEMBERS)
			.containsEntry("meeting-notice", COMMUNITIES * YearOneDrive.MEETINGS * YearOneDrive.NOTICES_PER_MEETING)
			.containsEntry("reminder", COMMUNITIES * YearOneDrive.MEETINGS);
		assertThat(mailsBeforeBackup).as("mails sent before the backup").isEqualTo(COMMUNITIES * YearOneDrive.MEMBERS);

		System.out.printf("""

				*** BackupAndRestoreIT: %d communities mid-year backed up while running (pg_dump %.1f s, %d KB),
				*** restored on a fresh database (pg_restore %.1f s), on to year two: %d tasks, %d mails, each once
				""", COMMUNITIES, dump.toMillis() / 1000.0, Files.size(backup.resolve("lifecycle.pgdump")) / 1024,
				restore.toMillis() / 1000.0, tasks, mails.values().stream().mapToInt(Integer::intValue).sum());
	}

	/**
	 * The installation's settings file: what an operator keeps beside the database (the
	 * database, the mail server; docs/upgrade-and-backup.md).
	 */
	private static Path settings(Path folder, PostgresDatabase database) throws IOException {
		Files.createDirectories(folder);
		Path file = folder.resolve("lifecycle.properties");
		Files.writeString(file, String.join("\n", "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT,
				// timers made due through REST are found within a second
				"camunda.bpm.job-execution.max-wait=1000", ""));
		return file;
	}

	private static ApplicationNode node(String name, Path settings) {
		ApplicationNode node = new ApplicationNode(name, ApplicationNode.freePort(),
				List.of("--spring.config.additional-location=file:" + settings.toAbsolutePath()));
		nodes.add(node);
		return node;
	}

}
