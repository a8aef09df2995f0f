package org.learningcommunities.lifecycle.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each role may call on the engine's API, over {@code /engine-rest} and over the
 * webapps' {@code /camunda/api/engine}: the one table of
 * docs/adr/0021-engine-api-allowed-per-role.md. Administrators ({@code camunda-admin})
 * call everything and are not looked up here; for anyone else a call is allowed only when
 * a rule of one of their roles names its method and path. Camunda's authorizations still
 * apply to what passes (a leader reads only their communities' tasks).
 * <p>
 * Paths are relative to the engine ({@code task/{id}/submit-form}). In a pattern,
 * {@code {id}} is one id as the engine makes them (a UUID, or a process definition's
 * {@code key:version:uuid}), so that it never matches a word of the API such as
 * {@code statistics} or {@code count}; {@code {key}} is a process key (kebab-case);
 * {@code {name}} is any one segment; {@code {self}} is the signed-in user's own id.
 */
final class EngineApiRules {

	/** Every signed-in user, in whatever groups (or none). */
	static final String ANYONE = "*";

	private static final Set<String> WORKERS = Set.of(Groups.PROJECT_MANAGERS, Groups.COMMUNITY_LEADERS,
			Groups.PARTNERS);

	private static final Set<String> MANAGERS = Set.of(Groups.PROJECT_MANAGERS);

	private static final Pattern ID = Pattern
		.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
				+ "|([a-z0-9]+(-[a-z0-9]+)*:[0-9]+:[0-9a-fA-F-]{36})");

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** What more a rule checks once method and path match. */
	enum Check {

		/** Nothing more. */
		NONE,
		/**
		 * The body's {@code userId} is someone who may do the task, or null (nobody):
		 * {@link TaskHandOver}.
		 */
		HAND_OVER,
		/** The body's {@code userId} is the caller, and the caller may do the task. */
		CLAIM

	}

	record Rule(Set<String> methods, List<String> pattern, Set<String> roles, Check check) {

		boolean matches(String method, List<String> path, String userId) {
			if (!this.methods.contains(method) || path.size() != this.pattern.size()) {
				return false;
			}
			for (int i = 0; i < path.size(); i++) {
				if (!segmentMatches(this.pattern.get(i), path.get(i), userId)) {
					return false;
				}
			}
			return true;
		}

		boolean allows(Collection<String> groups) {
			return this.roles.contains(ANYONE) || groups.stream().anyMatch(this.roles::contains);
		}

		private static boolean segmentMatches(String pattern, String segment, String userId) {
			return switch (pattern) {
				case "{id}" -> ID.matcher(segment).matches();
				case "{key}" -> KEY.matcher(segment).matches();
				case "{name}" -> !segment.isEmpty();
				case "{self}" -> segment.equals(userId);
				default -> pattern.equals(segment);
			};
		}

	}

	private static final List<Rule> RULES = new ArrayList<>();

	static {
		// Tasklist and the Welcome page, for every signed-in user: who am I, the
		// engine, the filters and the tasks they list (engine authorizations narrow
		// what each sees)
		read(ANYONE, "engine", "version", "user/{self}/profile", "identity/groups", "authorization/check", "filter",
				"filter/count", "filter/{id}", "filter/{id}/list", "filter/{id}/count", "filter/{id}/singleResult");
		query(ANYONE, "filter/{id}/list", "filter/{id}/count", "filter/{id}/singleResult");
		rule(Set.of("PUT"), ANYONE, "user/{self}/credentials", Check.NONE);
		// Tasklist asks which filter actions the user has (the answer lists links only)
		rule(Set.of("OPTIONS"), ANYONE, "filter", Check.NONE);
		rule(Set.of("OPTIONS"), ANYONE, "filter/{id}", Check.NONE);

		// a task: read it, its form and comments; submit its form; take it, give it
		// back, hand it to someone who may do it
		read(WORKERS, "task", "task/count", "task/{id}", "task/{id}/form", "task/{id}/deployed-form",
				"task/{id}/rendered-form", "task/{id}/form-variables", "task/{id}/variables",
				"task/{id}/variables/{name}", "task/{id}/localVariables", "task/{id}/localVariables/{name}",
				"task/{id}/identity-links", "task/{id}/comment", "task/{id}/comment/{id}", "task/{id}/attachment",
				"task/{id}/attachment/{id}", "task/{id}/attachment/{id}/data");
		query(WORKERS, "task", "task/count");
		post(WORKERS, Check.NONE, "task/{id}/submit-form", "task/{id}/complete", "task/{id}/unclaim",
				"task/{id}/comment/create");
		post(WORKERS, Check.CLAIM, "task/{id}/claim");
		post(WORKERS, Check.HAND_OVER, "task/{id}/assignee");

		// the processes the tasks belong to: names, diagrams, forms, the community's
		// instances and their history (engine authorizations: their own communities)
		read(WORKERS, "process-definition", "process-definition/count", "process-definition/{id}",
				"process-definition/{id}/xml", "process-definition/{id}/diagram", "process-definition/key/{key}",
				"process-definition/key/{key}/xml", "process-definition/{id}/startForm",
				"process-definition/{id}/deployed-start-form", "process-definition/{id}/form-variables",
				"process-definition/{id}/rendered-form", "process-definition/key/{key}/startForm",
				"process-definition/key/{key}/deployed-start-form", "process-definition/key/{key}/form-variables",
				"process-definition/key/{key}/rendered-form", "deployment/{id}/resources",
				"deployment/{id}/resources/{id}", "deployment/{id}/resources/{id}/data", "process-instance",
				"process-instance/count", "process-instance/{id}", "process-instance/{id}/variables",
				"process-instance/{id}/variables/{name}", "process-instance/{id}/activity-instances",
				"history/process-instance", "history/process-instance/count", "history/process-instance/{id}",
				"history/task", "history/task/count", "history/activity-instance", "history/activity-instance/count",
				"history/variable-instance", "history/variable-instance/count", "history/detail",
				"history/detail/count", "history/user-operation", "history/user-operation/count",
				"history/identity-link-log", "history/identity-link-log/count", "user", "user/count",
				"user/{name}/profile", "group", "group/count");
		query(WORKERS, "process-instance", "process-instance/count", "history/process-instance",
				"history/process-instance/count", "history/activity-instance", "history/activity-instance/count",
				"history/variable-instance", "history/variable-instance/count", "history/task", "history/task/count");

		// project managers: start communities, follow every one in Cockpit (reads only:
		// no job, retry, variable, modification or cancellation)
		post(MANAGERS, Check.NONE, "process-definition/key/{key}/submit-form", "process-definition/key/{key}/start",
				"process-definition/{id}/submit-form", "process-definition/{id}/start");
		read(MANAGERS, "process-definition/statistics", "process-definition/{id}/statistics",
				"process-definition/key/{key}/statistics", "process-definition/key/{key}/diagram",
				"process-instance/{id}/comment", "execution", "execution/count", "execution/{id}", "variable-instance",
				"variable-instance/count", "variable-instance/{id}", "variable-instance/{id}/data", "job", "job/count",
				"job/{id}", "job/{id}/stacktrace", "job-definition", "job-definition/count", "job-definition/{id}",
				"incident", "incident/count", "incident/{id}", "deployment", "deployment/count", "deployment/{id}",
				"decision-definition", "decision-definition/count", "decision-definition/{id}",
				"decision-definition/{id}/xml", "decision-definition/key/{key}", "decision-definition/key/{key}/xml",
				"decision-requirements-definition", "decision-requirements-definition/{id}",
				"decision-requirements-definition/{id}/xml", "history/incident", "history/incident/count",
				"history/job-log", "history/job-log/count", "history/decision-instance",
				"history/decision-instance/count", "history/process-instance/{id}", "history/activity-instance/{id}",
				"history/variable-instance/{id}", "history/variable-instance/{id}/data", "history/detail/{id}",
				"event-subscription", "event-subscription/count", "external-task", "external-task/count",
				"external-task/{id}", "batch", "batch/count", "batch/statistics", "batch/statistics/count",
				"history/batch", "history/batch/count", "case-definition", "case-definition/count",
				"process-definition/{id}/static-called-process-definitions", "execution/{id}/localVariables",
				"history/external-task-log", "history/external-task-log/count");
		query(MANAGERS, "execution", "execution/count", "variable-instance", "variable-instance/count", "job",
				"job/count", "history/incident", "history/job-log", "history/decision-instance",
				"history/decision-instance/count", "external-task", "external-task/count", "history/user-operation",
				"history/detail");
	}

	private EngineApiRules() {
	}

	/** The rule that lets one of these groups make the call, if any. */
	static Optional<Rule> find(String method, List<String> path, Collection<String> groups, String userId) {
		String asked = "HEAD".equals(method) ? "GET" : method;
		return RULES.stream().filter((rule) -> rule.allows(groups) && rule.matches(asked, path, userId)).findFirst();
	}

	/** Every rule, for the documentation and its test. */
	static List<Rule> all() {
		return List.copyOf(RULES);
	}

	private static void read(Object roles, String... patterns) {
		for (String pattern : patterns) {
			rule(Set.of("GET"), roles, pattern, Check.NONE);
		}
	}

	/** POST on a query endpoint: the query in the body, nothing written. */
	private static void query(Object roles, String... patterns) {
		post(roles, Check.NONE, patterns);
	}

	private static void post(Object roles, Check check, String... patterns) {
		for (String pattern : patterns) {
			rule(Set.of("POST"), roles, pattern, check);
		}
	}

	@SuppressWarnings("unchecked")
	private static void rule(Set<String> methods, Object roles, String pattern, Check check) {
		Set<String> roleSet = (roles instanceof Set<?> set) ? (Set<String>) set : Set.of((String) roles);
		RULES.add(new Rule(methods, List.of(pattern.split("/")), roleSet, check));
	}

}
