package org.learningcommunities.lifecycle.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

import org.springframework.jdbc.core.ConnectionCallback;
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

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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
	 * Median CPU and wall milliseconds of the filter's first page of 15 and its count
	 * through the engine API as {@code user}, as configured and under each candidate
	 * change (public engine settings, indexes, statistics), measured back to back: every
	 * candidate is timed in two passes, A B C ... A B C, and its median taken over both,
	 * so that the machine's load drifting during the run does not favour the first or the
	 * last. Authorization off comes last: what the check costs.
	 */
	Map<String, double[]> engineTimes(String user, String filterId, int rounds) {
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
		boolean tenantCheck = configuration.isTenantCheckEnabled();
		List<Variant> variants = new ArrayList<>();
		variants.add(new Variant("as configured (revokes " + configuration.getAuthorizationCheckRevokes()
				+ ", tenant check " + tenantCheck + ", CMMN " + configuration.isCmmnEnabled() + ")", () -> {
				}, () -> {
				}));
		variants.add(new Variant("tenantCheckEnabled " + !tenantCheck,
				() -> configuration.setTenantCheckEnabled(!tenantCheck),
				() -> configuration.setTenantCheckEnabled(tenantCheck)));
		// no CMMN here: the engine then joins the authorizations (and, without standalone
		// tasks, the process definitions) by an inner join instead of a left join
		// filtered by "case task or authorized"
		boolean cmmn = configuration.isCmmnEnabled();
		boolean standalone = configuration.isStandaloneTasksEnabled();
		variants.add(new Variant("cmmnEnabled " + !cmmn, () -> configuration.setCmmnEnabled(!cmmn),
				() -> configuration.setCmmnEnabled(cmmn)));
		variants.add(new Variant("cmmnEnabled " + !cmmn + ", standaloneTasksEnabled " + !standalone, () -> {
			configuration.setCmmnEnabled(!cmmn);
			configuration.setStandaloneTasksEnabled(!standalone);
		}, () -> {
			configuration.setCmmnEnabled(cmmn);
			configuration.setStandaloneTasksEnabled(standalone);
		}));
		boolean variableIndex = indexExists(CANDIDATE_INDEXES.get(0));
		variants.add(new Variant("cmmnEnabled " + !cmmn + ", tenantCheckEnabled " + !tenantCheck
				+ (variableIndex ? "" : ", index on " + CANDIDATE_INDEXES.get(0)), () -> {
					configuration.setCmmnEnabled(!cmmn);
					configuration.setTenantCheckEnabled(!tenantCheck);
					if (!variableIndex) {
						this.jdbc.execute("create index BENCH_IDX_CANDIDATE on " + CANDIDATE_INDEXES.get(0));
					}
				}, () -> {
					configuration.setCmmnEnabled(cmmn);
					configuration.setTenantCheckEnabled(tenantCheck);
					if (!variableIndex) {
						this.jdbc.execute("drop index BENCH_IDX_CANDIDATE");
					}
				}));
		for (String index : CANDIDATE_INDEXES) {
			if (indexExists(index)) {
				// already there (a migration made it): measure without it instead
				continue;
			}
			variants.add(new Variant("with an index on " + index,
					() -> this.jdbc.execute("create index BENCH_IDX_CANDIDATE on " + index),
					() -> this.jdbc.execute("drop index BENCH_IDX_CANDIDATE")));
		}
		Map<String, List<double[]>> samples = new LinkedHashMap<>();
		this.engine.getIdentityService().setAuthentication(user, groups);
		try {
			for (int pass = 0; pass < 2; pass++) {
				for (Variant variant : variants) {
					variant.on().run();
					try {
						samples.computeIfAbsent(variant.name(), (name) -> new ArrayList<>())
							.addAll(times(call, rounds));
					}
					finally {
						variant.off().run();
					}
				}
			}
			configuration.setAuthorizationEnabled(false);
			samples.put("authorization off", times(call, rounds));
		}
		finally {
			configuration.setAuthorizationEnabled(true);
			configuration.setTenantCheckEnabled(tenantCheck);
			configuration.setCmmnEnabled(cmmn);
			configuration.setStandaloneTasksEnabled(standalone);
			this.engine.getIdentityService().clearAuthentication();
		}
		Map<String, double[]> medians = new LinkedHashMap<>();
		samples.forEach((name, times) -> medians.put(name, medians(times)));
		return medians;
	}

	/**
	 * Indexes tried in {@link #engineTimes}: the ordering variable of "All communities by
	 * stage" found by its instance and name at once (the engine's own index is on the
	 * execution alone, so every variable of the instance is read), and the authorization
	 * sub-select's columns in the order it filters them.
	 */
	static final List<String> CANDIDATE_INDEXES = List.of("ACT_RU_VARIABLE(EXECUTION_ID_, NAME_)",
			"ACT_RU_AUTHORIZATION(RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, USER_ID_, GROUP_ID_)",
			"ACT_RU_AUTHORIZATION(RESOURCE_ID_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, TYPE_, PERMS_)");

	/** Whether an index with these columns in this order exists (H2 or PostgreSQL). */
	private boolean indexExists(String definition) {
		String table = definition.substring(0, definition.indexOf('('));
		String columns = definition.substring(definition.indexOf('(') + 1, definition.indexOf(')')).replace(" ", "");
		Map<String, SortedMap<Short, String>> indexes = new LinkedHashMap<>();
		this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
			// H2 keeps names in upper case, PostgreSQL in lower case
			for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
				try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, true)) {
					while (rows.next()) {
						if (rows.getString("COLUMN_NAME") != null) {
							indexes.computeIfAbsent(rows.getString("INDEX_NAME"), (key) -> new TreeMap<>())
								.put(rows.getShort("ORDINAL_POSITION"),
										rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
						}
					}
				}
			}
			return null;
		});
		return indexes.values().stream().anyMatch((index) -> String.join(",", index.values()).equals(columns));
	}

	/** A change measured against the application's settings: switched on, then off. */
	record Variant(String name, Runnable on, Runnable off) {
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

	/**
	 * The CPU time of this thread and the wall time of each call, in milliseconds: the
	 * engine runs the query in the caller's thread, and its CPU time is what the
	 * machine's other work does not inflate.
	 */
	private static List<double[]> times(IntSupplier call, int rounds) {
		call.getAsInt();
		List<double[]> times = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long cpu = THREADS.getCurrentThreadCpuTime();
			long started = System.nanoTime();
			call.getAsInt();
			times.add(new double[] { (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
					(System.nanoTime() - started) / 1e6 });
		}
		return times;
	}

	private static double[] medians(List<double[]> times) {
		double[] cpu = times.stream().mapToDouble((time) -> time[0]).sorted().toArray();
		double[] wall = times.stream().mapToDouble((time) -> time[1]).sorted().toArray();
		return new double[] { cpu[cpu.length / 2], wall[wall.length / 2] };
	}

}
