package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL database of {@code LIFECYCLE_TEST_POSTGRES_URL} (with {@code _USER} and
 * {@code _PASSWORD}, as {@code .ci/run} sets them) and PostgreSQL's own tools on it,
 * {@code pg_dump} and {@code pg_restore} run as processes the way an operator runs them
 * (docs/upgrade-and-backup.md). Without the database or the tools a test is skipped with
 * a message saying what is missing; in CI ({@code CI=true}) a missing database fails it.
 */
final class PostgresDatabase {

	private static final long TOOL_TIMEOUT_MINUTES = 5;

	private final String url;

	private final String user;

	private final String password;

	private PostgresDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = (password == null) ? "" : password;
	}

	/**
	 * The test database, or the test skipped (a message on the console) when it or the
	 * tools are missing.
	 * @param test the test's name, for the message
	 */
	static PostgresDatabase fromEnvironmentOrSkip(String test) {
		String url = System.getenv(PostgresSchemaIT.URL);
		if (url == null || url.isBlank()) {
			String why = PostgresSchemaIT.URL + " is not set; " + test + " needs a PostgreSQL database (run .ci/run,"
					+ " or set " + PostgresSchemaIT.URL + ", _USER and _PASSWORD)";
			assertThat(System.getenv("CI")).as("CI runs " + test + ": " + why).isNotEqualTo("true");
			skip(test, why);
		}
		for (String tool : List.of("pg_dump", "pg_restore")) {
			if (!onPath(tool)) {
				skip(test, tool + " is not on the PATH (apt-get install postgresql-client)");
			}
		}
		return new PostgresDatabase(url, System.getenv(PostgresSchemaIT.USER),
				System.getenv(PostgresSchemaIT.PASSWORD));
	}

	private static void skip(String test, String why) {
		System.out.println("\n*** " + test + " SKIPPED: " + why + "\n");
		Assumptions.abort(why);
	}

	String url() {
		return this.url;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/** The application's settings for this database, as {@code --key=value}. */
	List<String> datasourceArguments() {
		return List.of("--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
				"--spring.datasource.password=" + this.password);
	}

	RunLedger ledger() {
		return new RunLedger(this.url, this.user, this.password);
	}

	/** Drops everything in the {@code public} schema: an empty database. */
	void empty() {
		execute("drop schema if exists public cascade", "create schema public");
	}

	/**
	 * A new, empty database beside this one on the same server ({@code <name>_<suffix>},
	 * dropped first if a past run left it), owned by the test user, which needs the
	 * {@code CREATEDB} right ({@code .ci/run} grants it).
	 */
	PostgresDatabase createSibling(String suffix) {
		String name = name() + "_" + suffix;
		try {
			execute("drop database if exists " + name + " with (force)", "create database " + name);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("cannot create the database " + name + " (grant the test user CREATEDB, as"
					+ " .ci/run does: alter role " + this.user + " createdb)", ex);
		}
		return new PostgresDatabase(this.url.replaceFirst("/" + name() + "(?=$|\\?)", "/" + name), this.user,
				this.password);
	}

	/** Drops this database (run on another database of the server: this one's parent). */
	void dropFrom(PostgresDatabase other) {
		other.execute("drop database if exists " + name() + " with (force)");
	}

	/** {@code pg_dump -Fc}: the whole database in PostgreSQL's custom format. */
	void dump(Path file) {
		run(List.of("pg_dump", "-Fc", "--no-owner", "--no-acl", "-f", file.toString()), file);
		assertThat(file).as("the dump").isNotEmptyFile();
	}

	/** {@code pg_restore} into this (empty) database; any error fails it. */
	void restore(Path file) {
		run(List.of("pg_restore", "--no-owner", "--no-acl", "--exit-on-error"), file);
	}

	private void run(List<String> tool, Path file) {
		List<String> command = new ArrayList<>(tool);
		command.addAll(List.of("-h", host(), "-p", String.valueOf(port()), "-U", this.user, "-d", name()));
		if (tool.get(0).equals("pg_restore")) {
			command.add(file.toString());
		}
		try {
			Path log = Files.createTempFile("pg-tool", ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("PGPASSWORD", this.password);
			Process process = builder.start();
			assertThat(process.waitFor(TOOL_TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
			assertThat(process.exitValue()).as("exit code of %s, which said: %s", command, Files.readString(log))
				.isZero();
			Files.delete(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private URI uri() {
		return URI.create(this.url.substring("jdbc:".length()));
	}

	private String host() {
		return uri().getHost();
	}

	private int port() {
		return (uri().getPort() < 0) ? 5432 : uri().getPort();
	}

	private String name() {
		return uri().getPath().substring(1);
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(folder, tool))) {
				return true;
			}
		}
		return false;
	}

}
