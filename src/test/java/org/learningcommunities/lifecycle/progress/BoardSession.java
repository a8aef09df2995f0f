package org.learningcommunities.lifecycle.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session on our pages, over HTTP: cookies kept, redirects not followed (the
 * tests look at them), and the CSRF token read from the last page's forms as a browser
 * would send it.
 */
final class BoardSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	BoardSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Signs in through the login form, with its CSRF token; fails unless it lands on the
	 * workspace, the home page after the one login.
	 */
	BoardSession login(String user) {
		HttpResponse<String> answer = loginAnswer(user, user);
		assertThat(answer.statusCode()).as("login of %s", user).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(URI.create(to).getPath()).isEqualTo("/"));
		return this;
	}

	HttpResponse<String> loginAnswer(String user, String password) {
		get("/login");
		return post("/login", Map.of("username", user, "password", password));
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
		Matcher token = CSRF.matcher(answer.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return answer;
	}

	/** A form POST with the CSRF token of the last page read. */
	HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
		if (this.csrf != null) {
			withToken.put("_csrf", this.csrf);
		}
		return postWithout(path, withToken);
	}

	/** A form POST with exactly these fields (no CSRF token unless given). */
	HttpResponse<String> postWithout(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
