package org.learningcommunities.lifecycle.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session on the workspace, over HTTP: cookies kept, redirects not followed,
 * the CSRF token read from the last page (a form's hidden field or the page's meta tag)
 * and sent back as a browser would: a form field, or the header the task page's script
 * sets.
 */
final class WorkspaceSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String base;

	private final HttpClient http;

	private String csrf;

	WorkspaceSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Signs in at {@code /login}; fails unless it lands on the workspace. */
	WorkspaceSession login(String user) {
		get("/login");
		HttpResponse<String> answer = post("/login", Map.of("username", user, "password", user));
		assertThat(answer.statusCode()).as("login of %s", user).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(URI.create(to).getPath()).isEqualTo("/"));
		return this;
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
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrf != null) {
			fields.put("_csrf", this.csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A JSON POST, as the task page's script sends its form, with the CSRF header. */
	HttpResponse<String> postJson(String path, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (this.csrf != null) {
				request.header("X-CSRF-TOKEN", this.csrf);
			}
			return send(request.build());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** A POST with no CSRF token and no body (as a webapp's XHR sends its logout). */
	HttpResponse<String> postBare(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
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
