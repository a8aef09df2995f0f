package org.learningcommunities.lifecycle.system;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The only requests anyone may send without a login, a candidate's application
 * ({@code POST /api/communities/{code}/applications}) and its page ({@code GET
 * /apply/{code}}), are rate-limited per client address: at most
 * {@code lifecycle.limits.applications.per-period} applications and
 * {@code lifecycle.limits.apply-page.per-period} page views in each
 * {@code lifecycle.limits.period}; more are answered 429 with {@code Retry-After} (in
 * seconds) and a problem detail. Each address has its own resilience4j limiter, kept in a
 * bounded Caffeine cache that forgets quiet addresses. The address is the connection's,
 * or the proxy's {@code X-Forwarded-For} only when
 * {@code server.forward-headers-strategy} trusts it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicApplicationLimits extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PublicApplicationLimits.class);

	static final Pattern APPLICATION = Pattern.compile("/api/communities/[^/]+/applications/?");

	static final Pattern PAGE = Pattern.compile("/apply/[^/]+/?");

	private final LoadingCache<String, RateLimiter> applications;

	private final LoadingCache<String, RateLimiter> pages;

	PublicApplicationLimits(@Value("${lifecycle.limits.applications.per-period:20}") int applicationsPerPeriod,
			@Value("${lifecycle.limits.apply-page.per-period:120}") int pagesPerPeriod,
			@Value("${lifecycle.limits.period:PT10M}") Duration period) {
		this.applications = limiters("applications", applicationsPerPeriod, period);
		this.pages = limiters("apply-page", pagesPerPeriod, period);
	}

	private static LoadingCache<String, RateLimiter> limiters(String name, int perPeriod, Duration period) {
		RateLimiterConfig config = RateLimiterConfig.custom()
			.limitForPeriod(perPeriod)
			.limitRefreshPeriod(period)
			.timeoutDuration(Duration.ZERO)
			.build();
		// an address quiet for two periods starts afresh: its limiter would be full again
		return Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterAccess(period.multipliedBy(2))
			.build((address) -> RateLimiter.of(name + "@" + address, config));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limitersFor(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimiter limiter = limitersFor(request).get(request.getRemoteAddr());
		if (limiter.acquirePermission()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1,
				Duration.ofNanos(((AtomicRateLimiter) limiter).getDetailedMetrics().getNanosToWait()).toSeconds() + 1);
		log.warn("Too many public requests from one address to {}: refused for {} s", request.getRequestURI(), seconds);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":"
					+ "\"Too many requests from your address; try again in " + seconds + " seconds\"}");
	}

	private LoadingCache<String, RateLimiter> limitersFor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && APPLICATION.matcher(path).matches()) {
			return this.applications;
		}
		if ("GET".equals(request.getMethod()) && PAGE.matcher(path).matches()) {
			return this.pages;
		}
		return null;
	}

}
