package org.learningcommunities.lifecycle.system;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two people acting on the same thing at once: one wins, the other is told 409 Conflict
 * with a message, never 500, and nothing of the loser's request is stored (the engine
 * rolls its transaction back). Conflicts are the engine's
 * {@link OptimisticLockingException} (someone else, or a timer such as a reminder,
 * changed the same process at the same moment) and a task that no longer exists when it
 * is completed (completed by someone else, or ended by the process).
 * <ul>
 * <li>{@code /engine-rest}: Camunda's REST API wraps both in a {@link RestException} with
 * 500; a Jersey exception mapper of higher priority than Camunda's answers 409 instead
 * and leaves every other exception to Camunda's own handler.</li>
 * <li>{@code /api}: the same exceptions, and Spring's concurrency failures, answer 409
 * with a problem detail.</li>
 * </ul>
 * A conflict is logged as one WARN line; real errors keep their full logging.
 */
@Configuration(proxyBeanMethods = false)
class ConflictResponses {

	private static final Logger log = LoggerFactory.getLogger(ConflictResponses.class);

	static final String CONCURRENT_CHANGE = "Someone else changed this at the same moment (another user, or a timer "
			+ "of the process): nothing of your request was stored; reload and try again";

	@Bean
	ResourceConfigCustomizer conflictExceptionMappers() {
		return (config) -> config.register(EngineRestConflicts.class).register(EngineConflicts.class);
	}

	/** The conflict an exception stands for, or null when it is no conflict. */
	static String conflict(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return CONCURRENT_CHANGE;
			}
			if (cause instanceof NullValueException && cause.getMessage() != null
					&& cause.getMessage().startsWith("Cannot find task")) {
				return "The task does not exist any more: it was completed by someone else or ended by the process; "
						+ "nothing of your request was stored";
			}
		}
		return null;
	}

	static Response conflictResponse(String message, Throwable exception) {
		log.warn("Conflict answered 409: {} ({})", message, exception.getMessage());
		return Response.status(Response.Status.CONFLICT)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "ConflictException", "message", message))
			.build();
	}

	/**
	 * Camunda's handler of {@link RestException}, except for conflicts. Its priority
	 * beats Camunda's mapper of the same type.
	 */
	@Priority(1)
	public static class EngineRestConflicts extends RestExceptionHandler {

		@Override
		public Response toResponse(RestException exception) {
			String conflict = conflict(exception);
			return (conflict != null) ? conflictResponse(conflict, exception) : super.toResponse(exception);
		}

	}

	/** An optimistic locking failure that no resource wrapped. */
	@Priority(1)
	public static class EngineConflicts implements ExceptionMapper<OptimisticLockingException> {

		@Override
		public Response toResponse(OptimisticLockingException exception) {
			return conflictResponse(CONCURRENT_CHANGE, exception);
		}

	}

	/** The same for our JSON API. */
	@RestControllerAdvice
	static class ApiConflicts {

		@ExceptionHandler({ OptimisticLockingException.class, ConcurrencyFailureException.class })
		ResponseEntity<ProblemDetail> concurrentChange(RuntimeException exception) {
			log.warn("Conflict answered 409: {}", exception.getMessage());
			return ApiProblems.problem(HttpStatus.CONFLICT, CONCURRENT_CHANGE);
		}

	}

}
