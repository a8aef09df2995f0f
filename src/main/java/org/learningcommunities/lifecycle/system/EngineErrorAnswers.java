package org.learningcommunities.lifecycle.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error answers of the engine's REST APIs ({@code /engine-rest}, and the webapps' own
 * {@code /camunda/api/...}, where Tasklist and Cockpit send their requests) say what
 * happened in short, in the user's language, without the engine's codes
 * ({@code ENGINE-17007}), Java class names or stack traces: a 5xx always gets the general
 * message, a 4xx whose message shows the engine's inside gets the message of its status,
 * and every other 4xx (the form refusals that name a field, the conflicts of
 * {@link ConflictResponses}, a missing task) keeps its own. The original is logged for
 * administrators. A filter rather than an exception mapper because the webapps' engine
 * API is a JAX-RS application of its own that takes no extra providers; this one place
 * covers both (docs/adr/0022-bad-input-refused-in-one-place.md). Only error answers are
 * held in memory; every other answer streams through untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class EngineErrorAnswers extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineErrorAnswers.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * What only the engine's inside says: a code such as ENGINE-17007 or SPIN-01004, a
	 * qualified class name, an exception's or a stack trace's words.
	 */
	private static final Pattern INTERNAL = Pattern.compile("\\b[A-Z]{3,}-\\d{5}\\b"
			+ "|\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[\\w.$]*[A-Z][\\w$]*" + "|Exception|\\bat [a-z]+\\.|Caused by"
			+ "|Cannot invoke|because \"|\\bnull\\b|ArrayIndex|class [a-z]");

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages/messages");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HeldErrorResponse held = new HeldErrorResponse(response);
		chain.doFilter(request, held);
		if (held.body == null) {
			return;
		}
		held.flushHeld();
		byte[] answer = answer(request, response.getStatus(), held.body.toByteArray(), response.getContentType());
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** The error answer to send for what the API answered. */
	static byte[] answer(HttpServletRequest request, int status, byte[] original, String contentType) {
		JsonNode body = null;
		try {
			body = (original.length > 0) ? JSON.readTree(original) : null;
		}
		catch (IOException ex) {
			// not JSON: a container's or Jersey's own page
		}
		String message = (body != null) ? body.path("message").asText(null) : null;
		if (status < 500 && body instanceof ObjectNode ours && message != null && !INTERNAL.matcher(message).find()) {
			ours.put("type", typeOf(status, body));
			return ours.toString().getBytes(StandardCharsets.UTF_8);
		}
		if (status >= 500) {
			log.error("Engine API answered {} to {} {}: {}", status, request.getMethod(), request.getRequestURI(),
					(message != null) ? message : new String(original, StandardCharsets.UTF_8));
		}
		else {
			log.warn("Engine API answered {} to {} {}: {}", status, request.getMethod(), request.getRequestURI(),
					message);
		}
		ObjectNode general = JSON.createObjectNode();
		general.put("type", (status >= 500) ? "ServerError" : typeOf(status, body));
		general.put("message", MESSAGES.getMessage(messageKey(status), null, InputRules.language(request)));
		return general.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The type the REST API documents for the status (clients test it), never an
	 * exception class of the engine's inside.
	 */
	private static String typeOf(int status, JsonNode body) {
		String type = (body != null) ? body.path("type").asText("") : "";
		return switch (type) {
			case "AuthorizationException", "OptimisticLockingException", "InvalidRequestException",
					"ConflictException" ->
				type;
			default -> (status == 403) ? "AuthorizationException" : "InvalidRequestException";
		};
	}

	private static String messageKey(int status) {
		return switch (status) {
			case 400, 415, 422 -> "engine.error.invalid";
			case 401, 403 -> "engine.error.forbidden";
			case 404 -> "engine.error.notFound";
			case 405 -> "engine.error.invalid";
			case 409 -> "engine.error.conflict";
			default -> (status >= 500) ? "engine.error.server" : "engine.error.invalid";
		};
	}

	/**
	 * A response that streams through, except once an error status is set: the body is
	 * then held to be rewritten, and its length is left to the rewrite.
	 */
	private static final class HeldErrorResponse extends HttpServletResponseWrapper {

		private ByteArrayOutputStream body;

		private ServletOutputStream heldStream;

		private PrintWriter heldWriter;

		HeldErrorResponse(HttpServletResponse response) {
			super(response);
		}

		private boolean isError() {
			return getStatus() >= 400;
		}

		private ByteArrayOutputStream body() {
			if (this.body == null) {
				this.body = new ByteArrayOutputStream();
			}
			return this.body;
		}

		void flushHeld() {
			if (this.heldWriter != null) {
				this.heldWriter.flush();
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (!isError()) {
				return super.getOutputStream();
			}
			if (this.heldStream == null) {
				ByteArrayOutputStream held = body();
				this.heldStream = new ServletOutputStream() {

					@Override
					public void write(int b) {
						held.write(b);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) {
						held.write(bytes, offset, length);
					}

					@Override
					public boolean isReady() {
						return true;
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						throw new UnsupportedOperationException("An error answer is written at once");
					}

				};
			}
			return this.heldStream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (!isError()) {
				return super.getWriter();
			}
			if (this.heldWriter == null) {
				this.heldWriter = new PrintWriter(new OutputStreamWriter(body(), StandardCharsets.UTF_8));
			}
			return this.heldWriter;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (!isError()) {
				super.flushBuffer();
			}
		}

		@Override
		public void setContentLength(int length) {
			if (!isError()) {
				super.setContentLength(length);
			}
		}

		@Override
		public void setContentLengthLong(long length) {
			if (!isError()) {
				super.setContentLengthLong(length);
			}
		}

		@Override
		public void setHeader(String name, String value) {
			if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.setHeader(name, value);
			}
		}

		@Override
		public void addHeader(String name, String value) {
			if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.addHeader(name, value);
			}
		}

		@Override
		public void setIntHeader(String name, int value) {
			if (!(isError() && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
				super.setIntHeader(name, value);
			}
		}

		@Override
		public void setContentType(String type) {
			// an error answer is rewritten as JSON whatever it was
			super.setContentType(isError() ? MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8" : type);
		}

	}

}
