package org.learningcommunities.lifecycle.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link ModelMigrationJourney} on PostgreSQL, the database of
 * {@code LIFECYCLE_TEST_POSTGRES_URL} (its {@code public} schema emptied first), as
 * {@link PostgresSchemaIT} runs; skipped with a message when it is not set.
 */
@ExtendWith(PostgresSchemaIT.SkipNotice.class)
@EnabledIfEnvironmentVariable(named = PostgresSchemaIT.URL, matches = ".+",
		disabledReason = "set " + PostgresSchemaIT.URL + " to run it on PostgreSQL")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=${" + PostgresSchemaIT.URL + "}",
				"spring.datasource.username=${" + PostgresSchemaIT.USER + "}",
				"spring.datasource.password=${" + PostgresSchemaIT.PASSWORD + ":}" })
// closed after the class: its job executor must not poll the database the next test
// empties
@DirtiesContext
class ModelMigrationPostgresIT extends ModelMigrationJourney {

	/** Runs before the application starts (Spring loads the context after @BeforeAll). */
	@BeforeAll
	static void emptyTheDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(System.getenv(PostgresSchemaIT.URL),
				System.getenv(PostgresSchemaIT.USER), System.getenv(PostgresSchemaIT.PASSWORD));
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

}
