package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		// the one login page sets the session (and its form the CSRF token of our pages)
		ResponseEntity<String> page = this.rest.getForEntity("/login", String.class);
		List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		assertThat(cookies).as("cookies set by %s", page.getHeaders()).isNotEmpty();
		assertThat(cookies)
			.allSatisfy((cookie) -> assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Strict"));
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("JSESSIONID"))
			.allSatisfy((cookie) -> assertThat(cookie).contains("HttpOnly"));

		// nobody signs in through Camunda's own login any more (docs/adr/0024)
		HttpHeaders form = new HttpHeaders();
		form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<String> camundaLogin = this.rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit",
				HttpMethod.POST, new HttpEntity<>("username=operator&password=Str0ng-Secret-2026!", form),
				String.class);
		assertThat(camundaLogin.getStatusCode().value()).as("%s", camundaLogin).isEqualTo(401);

		// signed in at /login (the secure cookie sent by hand: the client speaks plain
		// HTTP; redirects not followed, to see where the login leads)
		String session = sessionCookie(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE));
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
		assertThat(token.find()).isTrue();
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(this.rest.getRootUri() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", session)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=operator&password=Str0ng-Secret-2026!&_csrf=" + token.group(1)))
			.build());
		assertThat(signedIn.statusCode()).as("%s", signedIn.headers()).isEqualTo(302);

		// a change to the webapps without Camunda's own CSRF token is refused by its
		// filter
		HttpResponse<String> refused = send(HttpRequest
			.newBuilder(URI.create(this.rest.getRootUri() + "/camunda/api/admin/auth/user/default/login/cockpit"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", sessionCookie(signedIn.headers().allValues("Set-Cookie")))
			.POST(HttpRequest.BodyPublishers.ofString("username=operator&password=Str0ng-Secret-2026!"))
			.build());
		assertThat(refused.statusCode()).as("%s", refused.headers()).isEqualTo(403);
		assertThat(refused.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code JSESSIONID=...} pair of an answer's cookies, to send back. */
	private static String sessionCookie(List<String> cookies) {
		return cookies.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
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
