package org.learningcommunities.lifecycle.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a process of its own: {@code java -jar} on the jar that
 * {@code package} built ({@code target/community-lifecycle-*.jar}; Failsafe's integration
 * tests run after {@code package}, so it is the jar of this very build), on a port of its
 * own, its output in {@code target/nodes/<name>.log}. Tests that kill a node or run two
 * at once need real processes: one JVM cannot be killed in part, and the engine REST API
 * and {@code ClockUtil} are one per JVM.
 */
final class ApplicationNode {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private final String name;

	private final int port;

	private final List<String> arguments;

	private final Path logFile;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private int starts;

	/**
	 * @param name the node's name, also its {@code lifecycle.cluster.node-id}
	 * @param arguments Spring Boot properties as {@code --key=value}
	 */
	ApplicationNode(String name, int port, List<String> arguments) {
		this.name = name;
		this.port = port;
		this.arguments = List.copyOf(arguments);
		this.logFile = Path.of("target", "nodes", name + ".log");
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** Starts the process; {@link #awaitReady()} waits for it. */
	void start() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx384m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-jar");
		command.add(jar().toString());
		command.add("--server.port=" + this.port);
		command.add("--lifecycle.cluster.node-id=" + this.name);
		command.add("--spring.profiles.active=demo");
		command.add("--lifecycle.demo.communities=false");
		command.addAll(this.arguments);
		try {
			Files.createDirectories(this.logFile.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			// each run of a node appends to its log, so a restart's output follows the
			// crash's
			builder.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()));
			this.starts++;
			// the first start of this test's node begins a new log
			Files.writeString(this.logFile, "%n===== start %d of %s: %s%n".formatted(this.starts, this.name, command),
					StandardOpenOption.CREATE,
					(this.starts == 1) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health} answers UP.
	 * @return how long it took since {@code since} (a {@link System#nanoTime()})
	 */
	Duration awaitReady(long since) {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as("node %s is running (see %s)", this.name, this.logFile).isTrue();
			if (healthy()) {
				return Duration.ofNanos(System.nanoTime() - since);
			}
			sleep(250);
		}
		throw new AssertionError(
				"node " + this.name + " not ready after " + START_TIMEOUT + " (see " + this.logFile + ")");
	}

	private boolean healthy() {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Kills the process without warning: {@link Process#destroyForcibly()} sends SIGKILL
	 * on Linux (no shutdown hook, no engine shutdown, no connection closed), which the
	 * exit code 137 (128 + 9) proves.
	 * @return the exit code
	 */
	int kill() {
		this.process.destroyForcibly();
		return waitForExit();
	}

	/** Stops the process the polite way (SIGTERM: Spring closes the engine). */
	int stop() {
		if (this.process == null || !this.process.isAlive()) {
			return (this.process == null) ? 0 : this.process.exitValue();
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return waitForExit();
	}

	private int waitForExit() {
		try {
			return this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The lines of this node's log (all its runs) that contain the text. */
	List<String> logLines(String containing) {
		try (Stream<String> lines = Files.lines(this.logFile)) {
			return lines.filter((line) -> line.contains(containing)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The application jar that {@code package} built (not the plain {@code .original}).
	 */
	static Path jar() {
		File[] jars = new File("target")
			.listFiles((dir, file) -> file.startsWith("community-lifecycle-") && file.endsWith(".jar"));
		assertThat(jars).as("target/community-lifecycle-*.jar: run the ITs through `./mvnw verify` (package first)")
			.isNotNull()
			.hasSize(1);
		return jars[0].toPath().toAbsolutePath();
	}

	/** A REST client whose relative URLs go to this node. */
	TestRestTemplate rest() {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl()));
	}

	/** A port nothing listens on now, for a node or a mail server of a test. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
