package org.learningcommunities.lifecycle.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * The SQL statements run while some work runs, by kind: the engine's (MyBatis' statement
 * log, one "Preparing" line per statement, named by its mapped statement id) and ours
 * (Spring's {@code JdbcTemplate} log, named by the statement's first words and table).
 * Counting logs costs time, so the benchmark counts only in its untimed warm-up.
 */
final class StatementCount {

	private static final String ENGINE_LOG = "org.camunda.bpm.engine.impl.persistence.entity";

	private static final List<String> LOGS = List.of(ENGINE_LOG, "org.springframework.jdbc.core.JdbcTemplate");

	private final Map<String, Long> byKind = new LinkedHashMap<>();

	private StatementCount() {
	}

	static StatementCount during(Runnable work) {
		StatementCount count = new StatementCount();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				count.add(event);
			}
		};
		appender.start();
		Map<Logger, Level> levels = new LinkedHashMap<>();
		for (String name : LOGS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			levels.put(logger, logger.getLevel());
			logger.addAppender(appender);
			logger.setLevel(Level.DEBUG);
		}
		try {
			work.run();
		}
		finally {
			levels.forEach((logger, level) -> {
				logger.setLevel(level);
				logger.detachAppender(appender);
			});
		}
		return count;
	}

	private synchronized void add(ILoggingEvent event) {
		String message = event.getFormattedMessage();
		String kind = null;
		if (event.getLoggerName().startsWith(ENGINE_LOG) && message.startsWith("==>  Preparing:")) {
			kind = event.getLoggerName().substring(ENGINE_LOG.length() + 1);
		}
		else if (message.startsWith("Executing prepared SQL statement") || message.startsWith("Executing SQL ")) {
			int start = message.indexOf('[');
			String sql = (start < 0) ? message : message.substring(start + 1);
			kind = "ours: " + sql.replaceAll("\\s+", " ").trim();
			kind = kind.substring(0, Math.min(kind.length(), 70));
		}
		if (kind != null) {
			this.byKind.merge(kind, 1L, Long::sum);
		}
	}

	synchronized long total() {
		return this.byKind.values().stream().mapToLong(Long::longValue).sum();
	}

	synchronized String perTask(int tasks) {
		long ours = this.byKind.entrySet()
			.stream()
			.filter((kind) -> kind.getKey().startsWith("ours: "))
			.mapToLong(Map.Entry::getValue)
			.sum();
		return String.format(Locale.ROOT, "%.1f (%d statements, %d of them our own JdbcTemplate calls)",
				total() / (double) tasks, total(), ours);
	}

	synchronized String top(int kinds) {
		return top(kinds, "");
	}

	/** The most frequent kinds whose name starts with {@code prefix}. */
	synchronized String top(int kinds, String prefix) {
		return this.byKind.entrySet()
			.stream()
			.filter((kind) -> kind.getKey().startsWith(prefix))
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(kinds)
			.map((kind) -> kind.getKey() + "=" + kind.getValue())
			.collect(Collectors.joining(", "));
	}

}
