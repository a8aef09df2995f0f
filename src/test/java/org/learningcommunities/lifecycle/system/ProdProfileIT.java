package org.learningcommunities.lifecycle.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile ({@code prod}) as an operator starts it: the database, the first
 * administrator and the secrets come from the environment (here as properties of the same
 * names). No demo user or community exists, the demo passwords open nothing, the
 * administrator from the environment works, cookies are secure, Camunda's CSRF filter
 * refuses a change without its token, the H2 console is off.
 */
@ActiveProfiles("prod")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "SPRING_DATASOURCE_URL=jdbc:h2:mem:prod-profile-it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
				"SPRING_DATASOURCE_USERNAME=sa", "SPRING_DATASOURCE_PASSWORD=", "LIFECYCLE_ADMIN_USER=operator",
				"LIFECYCLE_ADMIN_PASSWORD=Str0ng-Secret-2026!", "camunda.bpm.job-execution.enabled=false" })
class ProdProfileIT {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private IdentityService identity;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void onlyTheAdministratorFromTheEnvironmentExistsAndNoDemoPasswordWorks() {
		assertThat(this.identity.createUserQuery().list()).extracting(User::getId).containsExactly("operator");
		assertThat(this.identity.createUserQuery().userId("operator").memberOfGroup("camunda-admin").count())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from lc_community").query(Long.class).single()).isZero();
		for (String demo : List.of("admin", "manager", "leader", "foundation", "ministry")) {
			assertThat(get("/engine-rest/task", demo, demo).getStatusCode().value()).as(demo).isEqualTo(401);
		}
		assertThat(get("/engine-rest/task", "operator", "Str0ng-Secret-2026!").getStatusCode().value()).isEqualTo(200);
		assertThat(get("/api/communities", "operator", "Str0ng-Secret-2026!").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void cookiesAreSecureAndCamundasCsrfFilterRefusesAChangeWithoutItsToken() {
		// a page of the webapps sets the session and the CSRF token
		ResponseEntity<String> page = this.rest.getForEntity("/camunda/app/welcome/default/", String.class);
		List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).as("cookies set by %s", page.getHeaders()).isNotEmpty();
		assertThat(cookies)
			.allSatisfy((cookie) -> assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Strict"));
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("JSESSIONID"))
			.allSatisfy((cookie) -> assertThat(cookie).contains("HttpOnly"));

		// a login without the token is refused by the CSRF filter
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> login = this.rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit",
				HttpMethod.POST, new HttpEntity<>("username=operator&password=Str0ng-Secret-2026!", headers),
				String.class);
		assertThat(login.getStatusCode().value()).as("%s", login).isEqualTo(403);
		assertThat(login.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
	}

	@Test
	void theH2ConsoleIsOff() {
		assertThat(this.rest.getForEntity("/h2-console", String.class).getStatusCode().value()).isEqualTo(404);
	}

	private ResponseEntity<String> get(String path, String user, String password) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, password);
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

}
