package org.learningcommunities.lifecycle.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refused form is the user's mistake, not the system's: {@link TaskFormListener} logs
 * it as one WARN line naming the task and the fields. The engine would also log it as an
 * ERROR with a stack trace ({@code ENGINE-16004 Exception while closing command
 * context}) because {@link InvalidFormException} must extend the engine's
 * {@code FormFieldValidationException} to be answered 400 (docs/adr/0003). This logback
 * turbo filter drops exactly those engine lines whose exception is an
 * {@link InvalidFormException}; every other engine error is logged in full. Installed
 * when the application has started (Spring Boot's logging set-up would remove it
 * earlier), once per logger context.
 */
@Component
class RefusalLogging {

	static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	@EventListener(ApplicationStartedEvent.class)
	public void install() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(RefusedFormFilter.class::isInstance)) {
			context.addTurboFilter(new RefusedFormFilter());
		}
	}

	/** Denies the engine's ERROR line about a refused form, and nothing else. */
	static class RefusedFormFilter extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable t) {
			if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
				return FilterReply.NEUTRAL;
			}
			Throwable thrown = t;
			if (thrown == null && params != null && params.length > 0
					&& params[params.length - 1] instanceof Throwable last) {
				thrown = last;
			}
			return (thrown instanceof InvalidFormException) ? FilterReply.DENY : FilterReply.NEUTRAL;
		}

	}

}
