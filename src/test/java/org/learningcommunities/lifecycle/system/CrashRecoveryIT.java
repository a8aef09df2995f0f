package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.net.ServerSocket;
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

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application killed with SIGKILL in the middle of a year resumes after a restart
 * with no step lost or done twice and no mail sent twice.
 * <p>
 * One node ({@link ApplicationNode}, the packaged jar in a JVM of its own) on a
 * file-based H2 database, its mail going to a GreenMail server this test owns. Three
 * communities are driven over REST, forms only, to mid-year (six members admitted, three
 * meetings scheduled each). Then a burst of work is made due at once: every meeting's
 * notice (one job mails seven people) and every planning sheet's first reminder. When
 * part of the burst reached the mail server, the mail server hangs (a relay in front of
 * GreenMail, {@link HangingMailRelay}, stops answering new conversations) and the node is
 * killed (SIGKILL, exit code 137) with mail jobs locked and running, and multi-recipient
 * jobs half done. The mail server answers again, the node starts again on the same
 * database, the jobs it held are released at once (ADR 0018, checked in its log) and run;
 * the test then finishes each community's year up to year two.
 * <p>
 * Why the mail server hangs before the kill: between the moment a mail server accepted a
 * mail and the commit of its row in the sent log, a crash makes the retried job send that
 * mail again (the window ADR 0011 accepts: a rare duplicate rather than a lost mail).
 * Killing while no mail can be accepted keeps the kill out of that window, so that the
 * test checks everything else exactly; the window itself is a few milliseconds per mail
 * and no SMTP server lets a client close it.
 */
class CrashRecoveryIT {

	private static final int PORT = 8501;

	private static final int COMMUNITIES = 3;

	private static final Path DATABASE = Path.of("target", "crash-it");

	private static final int SMTP_PORT = freePort();

	private static final GreenMail mailServer = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	/** Where the application sends its mail: a relay to the mail server. */
	private static final int RELAY_PORT = freePort();

	private static HangingMailRelay relay;

	private static ApplicationNode node;

	@AfterAll
	static void stopEverything() {
		if (node != null) {
			node.stop();
		}
		if (relay != null) {
			relay.close();
		}
		mailServer.stop();
	}

	@Test
	void killedMidYearTheApplicationResumesWithNothingLostOrDoneTwice() throws IOException {
		FileSystemUtils.deleteRecursively(DATABASE);
		// the options of the application's own H2 file database (application.yml):
		// without WRITE_DELAY=0 the kill loses the last half second of commits
		String url = "jdbc:h2:file:" + DATABASE.toAbsolutePath().resolve("lifecycle")
				+ ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		node = new ApplicationNode("crash-node", PORT,
				List.of("--spring.datasource.url=" + url, "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=" + RELAY_PORT,
						// a mail that failed while the server was away is retried within
						// seconds
						"--lifecycle.mail.retries=PT1S,PT2S,PT5S,PT10S,PT30S",
						// timers made due through REST are found within a second
						"--camunda.bpm.job-execution.max-wait=1000"));
		mailServer.start();
		relay = new HangingMailRelay(RELAY_PORT, SMTP_PORT);
		long started = System.nanoTime();
		node.start();
		Duration firstStart = node.awaitReady(started);
		YearOneDrive drive = new YearOneDrive(rest(node));

		// given: three communities in the middle of year one
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= COMMUNITIES; i++) {
			codes.add("crash-" + i);
		}
		codes.forEach(drive::upToMidYear);
		drive.awaitNoDueJobs();
		int mailsBefore = mailServer.getReceivedMessages().length;
		assertThat(mailsBefore).as("every candidate told of the admission")
			.isEqualTo(COMMUNITIES * YearOneDrive.MEMBERS);

		// when: every notice and every first reminder falls due at once
		int burstJobs = 0;
		for (String code : codes) {
			burstJobs += drive.makeDue(code, "meeting-notice-due");
			burstJobs += drive.makeDue(code, "plan-meeting-reminder");
		}
		int burstMails = COMMUNITIES * YearOneDrive.MEETINGS * (YearOneDrive.NOTICES_PER_MEETING + 1);
		// and: part of the burst reached the mail server
		await("a part of the burst mailed").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> mailServer.getReceivedMessages().length >= mailsBefore + 5);
		// and: the mail server hangs: new conversations get no answer (the
		// conversations under way finish), so the mail jobs still running wait for the
		// server's greeting
		relay.hang();
		int dueAtKill = drive.dueJobs();
		// a moment for the conversations under way to end and their sent-log rows to
		// commit
		ApplicationNode.sleep(2000);
		int mailsAtKill = mailServer.getReceivedMessages().length - mailsBefore;
		// and: the node is killed, mail jobs in flight
		int exitCode = node.kill();

		// then: it was SIGKILL, and the burst was in flight
		assertThat(exitCode).as("exit code of a JVM killed by SIGKILL").isEqualTo(137);
		assertThat(mailsAtKill).as("mails of the burst sent before the kill").isLessThan(burstMails);

		// when: the mail server answers again and the node comes back on the same
		// database
		relay.resume();
		long restarted = System.nanoTime();
		node.start();
		Duration restart = node.awaitReady(restarted);

		// then: the jobs run, each mail goes once, and the year goes on to year two
		drive.awaitNoDueJobs();
		codes.forEach(drive::fromMidYearToYearTwo);
		drive.awaitNoDueJobs();
		List<String> released = node.logLines("released");
		assertThat(released).as("log lines of the node's starts about locks released").hasSize(2);
		assertThat(released.get(1)).as("the restart freed the jobs the killed node held")
			.containsPattern("released [1-9][0-9]* job");
		node.stop();
		node = null;

		RunLedger ledger = new RunLedger(url, "sa", "");
		int tasks = 0;
		for (String code : codes) {
			tasks += ledger.assertStepsOnce(code, YearOneDrive.expectedTasks(),
					List.of("ESTABLISHMENT", "YEAR_ONE", "YEAR_TWO"));
		}
		long jobs = ledger.assertEveryJobExecutedAtMostOnce();
		Map<String, Integer> mails = ledger.assertEveryMailExactlyOnce(Arrays.asList(mailServer.getReceivedMessages()));
		assertThat(mails).containsEntry("candidate-admitted", COMMUNITIES * YearOneDrive.MEMBERS)
			.containsEntry("meeting-notice", COMMUNITIES * YearOneDrive.MEETINGS * YearOneDrive.NOTICES_PER_MEETING)
			.containsEntry("reminder", COMMUNITIES * YearOneDrive.MEETINGS);

		System.out.printf(
				"""

						*** CrashRecoveryIT: %d communities, %d tasks completed, %d jobs executed (each once), %d mails (each once)
						*** at the kill (SIGKILL, exit %d): %d jobs made due in a burst, %d due, %d of its %d mails sent
						*** first start %.1f s, restart after the kill %.1f s; %s
						""",
				COMMUNITIES, tasks, jobs, mails.values().stream().mapToInt(Integer::intValue).sum(), exitCode,
				burstJobs, dueAtKill, mailsAtKill, burstMails, firstStart.toMillis() / 1000.0,
				restart.toMillis() / 1000.0, released.isEmpty() ? "no lock released"
						: released.get(released.size() - 1).replaceAll("^.*(Cluster node)", "$1"));
	}

	private static TestRestTemplate rest(ApplicationNode node) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()));
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
