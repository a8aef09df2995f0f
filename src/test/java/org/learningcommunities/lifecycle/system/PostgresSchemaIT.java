package org.learningcommunities.lifecycle.system;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;
import org.learningcommunities.lifecycle.community.EstablishmentProcess;
import org.learningcommunities.lifecycle.community.EstablishmentSteps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.LEADER;
import static org.learningcommunities.lifecycle.community.EstablishmentSteps.MANAGER;

/**
 * The whole application on a real PostgreSQL: Flyway's migrations and the engine's schema
 * meet the database CI deploys on, and a community starts and moves on through REST. Runs
 * only when {@code LIFECYCLE_TEST_POSTGRES_URL} (a jdbc url, with
 * {@code LIFECYCLE_TEST_POSTGRES_USER} and {@code _PASSWORD}) is set, as {@code .ci/run}
 * does; otherwise it is skipped with a message. The database's {@code public} schema is
 * dropped and created again before the test, so point it at a database of its own.
 */
@ExtendWith(PostgresSchemaIT.SkipNotice.class)
@EnabledIfEnvironmentVariable(named = PostgresSchemaIT.URL, matches = ".+",
		disabledReason = "set " + PostgresSchemaIT.URL + " to run it on PostgreSQL")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=${" + PostgresSchemaIT.URL + "}",
				"spring.datasource.username=${" + PostgresSchemaIT.USER + "}",
				"spring.datasource.password=${" + PostgresSchemaIT.PASSWORD + ":}" })
@ActiveProfiles("demo")
// closed after the class: a cached context's job executor would otherwise keep polling
// the shared test database,
// which TwoNodeClusterIT empties and runs its two nodes on
@DirtiesContext
class PostgresSchemaIT {

	static final String URL = "LIFECYCLE_TEST_POSTGRES_URL";

	static final String USER = "LIFECYCLE_TEST_POSTGRES_USER";

	static final String PASSWORD = "LIFECYCLE_TEST_POSTGRES_PASSWORD";

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	private LifecycleRestClient client;

	/**
	 * Starts from an empty schema, so that reruns find none of the last run's tables.
	 * Runs before the application starts: Spring loads the context when it prepares the
	 * first test instance, after {@code @BeforeAll}.
	 */
	@BeforeAll
	static void emptyTheDatabase() throws SQLException {
		assertThat(System.getenv(USER)).as("%s, the user of %s", USER, URL).isNotBlank();
		try (Connection connection = DriverManager.getConnection(System.getenv(URL), System.getenv(USER),
				System.getenv(PASSWORD)); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

	@BeforeEach
	void setUp() {
		this.client = new LifecycleRestClient(this.rest);
	}

	@Test
	void flywayAndTheEngineCreatedTheirSchemasOnPostgres() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");

		List<String> migrations = this.jdbc
			.sql("select version from lc_schema_history where version is not null and success order by installed_rank")
			.query(String.class)
			.list();
		assertThat(migrations).startsWith("1", "2");
		assertThat(this.jdbc.sql("select count(*) from lc_schema_history where not success").query(Long.class).single())
			.isZero();

		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = current_schema()")
			.query(String.class)
			.list();
		assertThat(tables).contains("lc_community", "lc_stage_history", "lc_goal_set", "lc_community_mix",
				"lc_open_task", "act_ge_property", "act_re_procdef", "act_re_camformdef", "act_ru_execution",
				"act_ru_task", "act_ru_variable", "act_ru_job", "act_hi_procinst", "act_id_user");
		assertThat(this.jdbc.sql("select version_ from act_ge_schema_log").query(String.class).list())
			.anyMatch((version) -> version.startsWith("7.24"));

		// the models and forms of processes/ and forms/ are deployed
		assertThat(this.jdbc.sql("select key_ from act_re_procdef").query(String.class).list())
			.contains("community-lifecycle", "establishment", "year-one", "year-two", "year-three");
		assertThat(this.jdbc.sql("select key_ from act_re_camformdef").query(String.class).list())
			.contains("start-community-lifecycle", "recruit-partners", "sign-stage-gate");
	}

	@Test
	void communityStartsAndItsFirstStepIsDoneOnPostgres() {
		String code = "postgres-community";
		EstablishmentSteps steps = new EstablishmentSteps(this.client);

		// when the project manager starts a community, twice with the same code
		steps.start(code);
		Answer duplicate = this.client.startCommunity(MANAGER, code, EstablishmentSteps.startForm(code));

		// then the second start is refused and rolled back
		assertThat(duplicate.status().value()).as("%s", duplicate).isEqualTo(400);
		assertThat(duplicate.message()).contains("field 'code'");
		assertThat(this.jdbc.sql("select count(*) from lc_community where code = ?")
			.param(code)
			.query(Long.class)
			.single()).isOne();

		// when the project manager recruits the partners
		this.client.complete(MANAGER, code, EstablishmentProcess.RECRUIT_PARTNERS, EstablishmentSteps.sharedVision());

		// then the shared vision is stored and the leader maps the needs
		assertThat(this.jdbc.sql("""
				select agreed_budget from lc_shared_vision
				where community_id = (select id from lc_community where code = ?)""")
			.param(code)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("120000.50");
		JsonNode mapNeeds = this.client.taskAssignedTo(LEADER, code, EstablishmentProcess.MAP_NEEDS);
		assertThat(mapNeeds.path("processDefinitionId").asText()).startsWith(EstablishmentProcess.KEY + ":");
		JsonNode community = this.client.community(MANAGER, code);
		assertThat(community.path("stage").asText()).isEqualTo("ESTABLISHMENT");
		assertThat(community.path("currentStep").asText()).isEqualTo("מיפוי הצרכים בשטח / Map the needs in the field");
		assertThat(community.path("openTasks").asInt()).isOne();
	}

	/**
	 * Says on the console why the class does not run (JUnit's disabled reason only
	 * reaches the reports).
	 */
	static class SkipNotice implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String url = System.getenv(URL);
			if (context.getTestMethod().isEmpty() && (url == null || url.isBlank())) {
				System.out.println("""

						*** %s SKIPPED: %s is not set. To run the application's schema on PostgreSQL,
						*** set it to an empty database of its own (jdbc:postgresql://host:5432/db) with %s and
						*** %s, or run .ci/run (installs and starts a local PostgreSQL).
						""".formatted(context.getRequiredTestClass().getSimpleName(), URL, USER, PASSWORD));
			}
			return ConditionEvaluationResult.enabled("the decision is @EnabledIfEnvironmentVariable's");
		}

	}

}
