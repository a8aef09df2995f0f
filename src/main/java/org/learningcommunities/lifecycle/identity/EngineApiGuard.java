package org.learningcommunities.lifecycle.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.learningcommunities.lifecycle.system.ReadBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.util.WebUtils;

/**
 * The one gate in front of the engine's API
 * (docs/adr/0021-engine-api-allowed-per-role.md): every request to {@code /engine-rest}
 * and to the webapps' {@code /camunda/api/engine} by a signed-in user who is not an
 * administrator must be named by a rule of {@link EngineApiRules} for one of their
 * groups, and pass that rule's check; any other is answered 403 with a short message in
 * the user's language before the engine is called, so a refused call changes nothing (a
 * refused job execution no longer costs the job a retry: the engine counted its own
 * refusal as the job's failure). Requests without a user are left to the authentication
 * in front (401) or to the webapps' own rules.
 */
class EngineApiGuard implements Filter {

	private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);

	/** The largest body read to check a hand-over ({@code {"userId": ...}}). */
	private static final int MAX_CHECKED_BODY = 4096;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final IdentityService identity;

	private final TaskHandOver handOver;

	private final MessageSource messages;

	private final String webappApi;

	EngineApiGuard(IdentityService identity, TaskHandOver handOver, MessageSource messages, String webappPath) {
		this.identity = identity;
		this.handOver = handOver;
		this.messages = messages;
		this.webappApi = webappPath + "/api/engine";
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/**
		 * After the engine REST API's authentication (which sets the user on the engine),
		 * before the REST resources.
		 */
		static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

		@Bean
		FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identity, TaskHandOver handOver,
				MessageSource messages, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
			FilterRegistrationBean<EngineApiGuard> registration = new FilterRegistrationBean<>(
					new EngineApiGuard(identity, handOver, messages, webappPath));
			registration.setName("engine-api-guard");
			registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
			registration.setOrder(ORDER);
			return registration;
		}

	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		Optional<Caller> caller = caller(request);
		if (caller.isEmpty() || caller.get().groups().contains(Groups.ADMINS)) {
			chain.doFilter(request, response);
			return;
		}
		HttpServletRequest checked = request;
		Optional<List<String>> path = enginePath(request);
		Optional<EngineApiRules.Rule> rule = Optional.empty();
		if (path.isPresent() && request.getHeader("X-HTTP-Method-Override") == null) {
			rule = EngineApiRules.find(request.getMethod(), path.get(), caller.get().groups(), caller.get().id());
		}
		boolean allowed = rule.isPresent();
		if (allowed && rule.get().check() != EngineApiRules.Check.NONE) {
			ReadBodyRequest buffered = ReadBodyRequest.of(request, MAX_CHECKED_BODY);
			checked = buffered;
			allowed = buffered != null && passes(rule.get().check(), path.get().get(1), buffered, caller.get());
		}
		if (!allowed) {
			refuse(request, response, caller.get());
			return;
		}
		EngineRefusals engineRefusals = new EngineRefusals(response);
		chain.doFilter(checked, engineRefusals);
		if (engineRefusals.refused()) {
			// the engine's own authorization refused it: the same words as ours, not its
			// text (resource types, permission names, ids)
			writeRefusal(request, response);
		}
	}

	private boolean passes(EngineApiRules.Check check, String taskId, ReadBodyRequest request, Caller caller) {
		JsonNode body;
		try {
			body = (request.body().length == 0) ? JSON.nullNode() : JSON.readTree(request.body());
		}
		catch (IOException ex) {
			// not JSON: the engine refuses it itself, with nothing changed
			return true;
		}
		JsonNode user = (body == null) ? null : body.path("userId");
		String userId = (user == null || user.isMissingNode() || user.isNull()) ? null : user.asText();
		return switch (check) {
			// nobody: the same as unclaiming
			case HAND_OVER -> userId == null || this.handOver.mayBeHandedTo(taskId, userId);
			case CLAIM -> caller.id().equals(userId) && this.handOver.mayBeHandedTo(taskId, userId);
			case NONE -> true;
		};
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller) throws IOException {
		log.warn("Engine API call refused: {} {} by {}", request.getMethod(), request.getRequestURI(), caller.id());
		writeRefusal(request, response);
	}

	private void writeRefusal(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String message = this.messages.getMessage("engine-api.refused", null, locale(request));
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		byte[] body = JSON.writeValueAsBytes(Map.of("status", 403, "message", message));
		// replaces a length the engine's answer may have set before its status
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * The user's language as our pages choose it ({@code ?lang=}, the {@code lang}
	 * cookie), Hebrew otherwise.
	 */
	private static Locale locale(HttpServletRequest request) {
		String language = request.getParameter("lang");
		if (language == null) {
			Cookie cookie = WebUtils.getCookie(request, "lang");
			language = (cookie != null) ? cookie.getValue() : null;
		}
		return Locale.forLanguageTag("en".equals(language) ? "en" : "he");
	}

	/**
	 * The signed-in user: the one the REST API's authentication set on the engine, or the
	 * webapps' session user for their engine.
	 */
	private Optional<Caller> caller(HttpServletRequest request) {
		Authentication engineUser = this.identity.getCurrentAuthentication();
		if (engineUser != null && engineUser.getUserId() != null) {
			return Optional.of(new Caller(engineUser.getUserId(), groups(engineUser.getGroupIds())));
		}
		if (!request.getRequestURI().startsWith(request.getContextPath() + this.webappApi)) {
			return Optional.empty();
		}
		HttpSession session = request.getSession(false);
		Authentications webapp = (session != null) ? AuthenticationUtil.getAuthsFromSession(session) : null;
		if (webapp == null) {
			return Optional.empty();
		}
		String engine = webappEngine(request).orElse("default");
		if (webapp.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
			return Optional.of(new Caller(user.getIdentityId(), groups(user.getGroupIds())));
		}
		return Optional.empty();
	}

	private static List<String> groups(Collection<String> groups) {
		return (groups != null) ? List.copyOf(groups) : List.of();
	}

	private Optional<String> webappEngine(HttpServletRequest request) {
		List<String> segments = segments(request, this.webappApi).orElse(List.of());
		return (segments.size() >= 2 && "engine".equals(segments.get(0))) ? Optional.of(segments.get(1))
				: Optional.empty();
	}

	/**
	 * The path inside the engine: {@code task/{id}/claim} for
	 * {@code /engine-rest/task/{id}/claim}, {@code /engine-rest/engine/default/task/…}
	 * and {@code /camunda/api/engine/engine/default/task/…}. Empty for a path no rule can
	 * name (an empty, dot or encoded-slash segment, matrix parameters).
	 */
	Optional<List<String>> enginePath(HttpServletRequest request) {
		String uri = request.getRequestURI();
		Optional<List<String>> segments = uri.startsWith(request.getContextPath() + this.webappApi)
				? segments(request, this.webappApi) : segments(request, "/engine-rest");
		if (segments.isEmpty()) {
			return Optional.empty();
		}
		List<String> path = segments.get();
		if (path.size() >= 2 && "engine".equals(path.get(0))) {
			path = path.subList(2, path.size());
			if (path.isEmpty()) {
				return Optional.of(List.of("engine"));
			}
		}
		else if (path.size() == 1 && "engine".equals(path.get(0))) {
			return Optional.of(List.of("engine"));
		}
		return path.isEmpty() ? Optional.empty() : Optional.of(path);
	}

	private static Optional<List<String>> segments(HttpServletRequest request, String prefix) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (!uri.startsWith(prefix)) {
			return Optional.empty();
		}
		String rest = uri.substring(prefix.length());
		if (rest.startsWith("/")) {
			rest = rest.substring(1);
		}
		if (rest.endsWith("/")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		if (rest.isEmpty()) {
			return Optional.of(List.of());
		}
		if (rest.contains(";")) {
			return Optional.empty();
		}
		List<String> segments = new ArrayList<>();
		for (String raw : rest.split("/", -1)) {
			String segment;
			try {
				segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			if (segment.isEmpty() || ".".equals(segment) || "..".equals(segment) || segment.contains("/")) {
				return Optional.empty();
			}
			segments.add(segment);
		}
		return Optional.of(segments);
	}

	/**
	 * The response of a call that passed the gate: when the engine answers 403, its body
	 * (and the length and type that go with it) is dropped so that the gate writes its
	 * own.
	 */
	static final class EngineRefusals extends HttpServletResponseWrapper {

		private boolean refused;

		EngineRefusals(HttpServletResponse response) {
			super(response);
		}

		boolean refused() {
			return this.refused;
		}

		@Override
		public void setStatus(int status) {
			this.refused = status == HttpServletResponse.SC_FORBIDDEN;
			super.setStatus(status);
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			if (status == HttpServletResponse.SC_FORBIDDEN) {
				setStatus(status);
				return;
			}
			super.sendError(status, message);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			return this.refused ? DISCARD : super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			return this.refused ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
		}

		@Override
		public void setContentLength(int length) {
			if (!this.refused) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (!this.refused) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!this.refused || !"Content-Length".equalsIgnoreCase(name)) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!this.refused || !"Content-Length".equalsIgnoreCase(name)) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!this.refused) {
				super.flushBuffer();
			}
		}

		private static final ServletOutputStream DISCARD = new ServletOutputStream() {

			@Override
			public void write(int b) {
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				throw new UnsupportedOperationException("synchronous only");
			}

		};

	}

	/** Who calls, by the groups the authentication carries. */
	record Caller(String id, List<String> groups) {
	}

}
