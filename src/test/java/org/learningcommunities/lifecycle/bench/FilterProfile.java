package org.learningcommunities.lifecycle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a Tasklist filter's time goes: the SQL the engine runs for one {@code POST
 * /engine-rest/filter/{id}/list} with HAL (caught from MyBatis' statement log: how many
 * statements, which), H2's {@code EXPLAIN ANALYZE} of the task query and its count, and
 * the engine's own {@code FilterService} list and count, in-process, timed with the
 * application's settings, with {@code authorizationCheckRevokes=never} and with
 * authorization off (what the check costs).
 */
final class FilterProfile {

	private static final String STATEMENT_LOG = "org.camunda.bpm.engine.impl.persistence.entity";

	private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((\\w+)\\)");

	private final ProcessEngine engine;

	private final JdbcTemplate jdbc;

	private final Consumer<String> say;

	FilterProfile(ProcessEngine engine, JdbcTemplate jdbc, Consumer<String> say) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.say = say;
	}

	/** The statements the engine runs while {@code call} runs, as "statement id: SQL". */
	List<String[]> statements(Runnable call) {
		Logger logger = (Logger) LoggerFactory.getLogger(STATEMENT_LOG);
		Level level = logger.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		logger.setLevel(Level.DEBUG);
		try {
			call.run();
		}
		finally {
			logger.setLevel(level);
			logger.detachAppender(appender);
		}
		List<String[]> statements = new ArrayList<>();
		String[] current = null;
		for (ILoggingEvent event : appender.list) {
			String message = event.getFormattedMessage();
			if (message.startsWith("==>  Preparing:")) {
				current = new String[] { event.getLoggerName().substring(STATEMENT_LOG.length() + 1),
						message.substring("==>  Preparing:".length()).trim(), "" };
				statements.add(current);
			}
			else if (message.startsWith("==> Parameters:") && current != null) {
				current[2] = message.substring("==> Parameters:".length()).trim();
			}
		}
		return statements;
	}

	/** H2's plan of the statement with its logged parameters in place. */
	String explain(String[] statement) {
		String sql = statement[1];
		List<String> values = new ArrayList<>();
		if (!statement[2].isEmpty()) {
			for (String parameter : statement[2].split(", (?=[^,]*\\(\\w+\\))")) {
				Matcher matcher = PARAMETER.matcher(parameter.trim());
				if (parameter.trim().equals("null")) {
					values.add("NULL");
				}
				else if (matcher.matches()) {
					String type = matcher.group(2);
					String value = matcher.group(1);
					values.add(switch (type) {
						case "Integer", "Long", "Boolean", "Double" -> value;
						case "Timestamp" -> "TIMESTAMP '" + value + "'";
						default -> "'" + value.replace("'", "''") + "'";
					});
				}
			}
		}
		StringBuilder bound = new StringBuilder();
		int next = 0;
		for (char c : sql.toCharArray()) {
			bound.append((c == '?' && next < values.size()) ? values.get(next++) : String.valueOf(c));
		}
		return String.join("\n", this.jdbc.queryForList("EXPLAIN ANALYZE " + bound, String.class).stream().toList());
	}

	/**
	 * Median milliseconds of the filter's first page of 15 and its count through the
	 * engine API as {@code user}, under three settings.
	 */
	Map<String, Double> engineTimes(String user, String filterId, int rounds) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		List<String> groups = this.engine.getIdentityService()
			.createGroupQuery()
			.groupMember(user)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		IntSupplier call = () -> this.engine.getFilterService().listPage(filterId, 0, 15).size()
				+ (int) this.engine.getFilterService().count(filterId).longValue();
		Map<String, Double> times = new LinkedHashMap<>();
		String revokes = configuration.getAuthorizationCheckRevokes();
		this.engine.getIdentityService().setAuthentication(user, groups);
		try {
			times.put("as configured (revokes " + revokes + ")", median(call, rounds));
			configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_NEVER);
			times.put("authorizationCheckRevokes never", median(call, rounds));
			configuration.setAuthorizationCheckRevokes(revokes);
			// a candidate index: every column the authorization check reads, led by the
			// one it joins on
			this.jdbc.execute("create index BENCH_IDX_AUTH_COVER on ACT_RU_AUTHORIZATION"
					+ "(RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, USER_ID_, GROUP_ID_)");
			try {
				times.put("with an index on ACT_RU_AUTHORIZATION(RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, "
						+ "USER_ID_, GROUP_ID_)", median(call, rounds));
			}
			finally {
				this.jdbc.execute("drop index BENCH_IDX_AUTH_COVER");
			}
			configuration.setAuthorizationEnabled(false);
			times.put("authorization off", median(call, rounds));
		}
		finally {
			configuration.setAuthorizationEnabled(true);
			configuration.setAuthorizationCheckRevokes(revokes);
			this.engine.getIdentityService().clearAuthentication();
		}
		return times;
	}

	void write(String name, String text) {
		try {
			Path file = Path.of("target/bench", name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			this.say.accept("could not write " + name + ": " + ex);
		}
	}

	private static double median(IntSupplier call, int rounds) {
		call.getAsInt();
		double[] times = new double[rounds];
		for (int i = 0; i < rounds; i++) {
			long started = System.nanoTime();
			call.getAsInt();
			times[i] = (System.nanoTime() - started) / 1e6;
		}
		java.util.Arrays.sort(times);
		return times[rounds / 2];
	}

}
