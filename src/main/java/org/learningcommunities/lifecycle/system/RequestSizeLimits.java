package org.learningcommunities.lifecycle.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest body a request may carry: {@code lifecycle.limits.public-body-bytes} for
 * the public application, {@code lifecycle.limits.body-bytes} for everything else under
 * {@code /api}, {@code /engine-rest} and the webapps' own APIs under {@code /camunda/api}
 * (Tasklist's and Cockpit's engine API, {@code /camunda/api/engine}: a form submission
 * from Tasklist included). A larger declared {@code Content-Length} is answered 413
 * before anything is read (the container reads no more than the declared length); a body
 * sent without one (chunked) is read here up to the limit, answered 413 past it, else
 * handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeLimits extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestSizeLimits.class);

	private final long publicLimit;

	private final long limit;

	RequestSizeLimits(@Value("${lifecycle.limits.public-body-bytes:16384}") long publicLimit,
			@Value("${lifecycle.limits.body-bytes:262144}") long limit) {
		this.publicLimit = publicLimit;
		this.limit = limit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long max = PublicApplicationLimits.APPLICATION.matcher(path).matches() ? this.publicLimit : this.limit;
		if (request.getContentLengthLong() > max) {
			tooLarge(request, response, max);
			return;
		}
		if (request.getContentLengthLong() >= 0) {
			// the container reads no more than the declared length
			chain.doFilter(request, response);
			return;
		}
		// a body without a length (chunked): read it up to the limit before anyone else
		ReadBodyRequest read = ReadBodyRequest.of(request, max);
		if (read == null) {
			tooLarge(request, response, max);
			return;
		}
		chain.doFilter(read, response);
	}

	private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long max)
			throws IOException {
		log.warn("Request body to {} larger than {} bytes refused", request.getRequestURI(), max);
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,\"detail\":"
					+ "\"The request body is larger than " + max + " bytes\"}");
	}

}
