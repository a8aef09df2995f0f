package org.learningcommunities.lifecycle.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything held about one person, found by their email, for the project manager who
 * answers the person's request: their applications and membership in every community, the
 * notes about them, the confirmations of the notice, the mail sent to them, and the
 * engine's variables that name them. Each answer is recorded in {@code lc_privacy_act}
 * with counts only.
 */
@Service
@Transactional
public class PeopleService {

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final Clock clock;

	PeopleService(JdbcClient jdbc, HistoryService history, Clock clock) {
		this.jdbc = jdbc;
		this.history = history;
		this.clock = clock;
	}

	/** What is held about the person with this email, as JSON-ready maps. */
	public Map<String, Object> heldAbout(String email, String actedBy) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		List<Map<String, Object>> candidates = rows("""
				select c.id, k.code as community, c.full_name, c.email, c.authority, c.role, c.region, c.sector,
				    c.gender, c.seniority_years, c.language, c.motivation, c.status, c.status_reason, c.applied_at,
				    c.decided_at
				from lc_candidate c join lc_community k on k.id = c.community_id
				where lower(c.email) = ? order by c.id""", address);
		List<Long> ids = candidates.stream().map((row) -> ((Number) row.get("id")).longValue()).toList();
		Map<String, Object> held = new LinkedHashMap<>();
		held.put("email", address);
		held.put("candidates", candidates);
		held.put("screenings", byCandidates("""
				select candidate_id, decision, notes, screened_by, screened_at from lc_screening
				where candidate_id in (%s)""", ids));
		held.put("interviews", byCandidates("""
				select candidate_id, interviewers, notes, score, decision, interviewed_by, interviewed_at
				from lc_interview where candidate_id in (%s)""", ids));
		held.put("consents", byCandidates("""
				select candidate_id, notice_version, accepted_at from lc_privacy_consent
				where candidate_id in (%s)""", ids));
		held.put("departures", byCandidates("""
				select candidate_id, farewell_notes, recorded_by from lc_member_departure
				where candidate_id in (%s)""", ids));
		held.put("forums", byCandidates("""
				select candidate_id, forum, stage, member_name from lc_forum_member where candidate_id in (%s)""",
				ids));
		held.put("workTeams", byCandidates("""
				select candidate_id, work_team_id from lc_work_team_member where candidate_id in (%s)""", ids));
		held.put("impactTracks", byCandidates("""
				select candidate_id, impact_track_id from lc_impact_track_member where candidate_id in (%s)""", ids));
		held.put("mails", rows("""
				select mail_key, recipient, subject, sent_at from lc_mail_log where lower(recipient) = ?
				order by sent_at""", address));
		List<Map<String, Object>> variables = engineVariables(address, ids);
		held.put("processVariables", variables);
		record("ACCESS", actedBy, "candidates " + ids + ", mails " + ((List<?>) held.get("mails")).size()
				+ ", process variables " + variables.size());
		return held;
	}

	/**
	 * The engine's variables, running or ended, that hold the person's email or belong to
	 * the admission of one of their applications.
	 */
	private List<Map<String, Object>> engineVariables(String email, List<Long> candidateIds) {
		Map<String, HistoricVariableInstance> found = new LinkedHashMap<>();
		this.history.createHistoricVariableInstanceQuery()
			.variableValueEquals("email", email)
			.list()
			.forEach((variable) -> found.put(variable.getId(), variable));
		for (long candidateId : candidateIds) {
			this.history.createHistoricVariableInstanceQuery()
				.variableValueEquals("candidateId", candidateId)
				.list()
				.forEach((idVariable) -> this.history.createHistoricVariableInstanceQuery()
					.processInstanceId(idVariable.getProcessInstanceId())
					.list()
					.forEach((variable) -> found.put(variable.getId(), variable)));
		}
		return found.values().stream().map((variable) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("processInstanceId", variable.getProcessInstanceId());
			row.put("processDefinitionKey", variable.getProcessDefinitionKey());
			row.put("name", variable.getName());
			row.put("value", variable.getValue());
			return row;
		}).toList();
	}

	private void record(String kind, String actedBy, String summary) {
		this.jdbc.sql("insert into lc_privacy_act (kind, acted_by, acted_at, summary) values (?, ?, ?, ?)")
			.params(kind, actedBy, Timestamp.from(this.clock.instant()), summary)
			.update();
	}

	private List<Map<String, Object>> rows(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query().listOfRows().stream().map(PeopleService::lowerKeys).toList();
	}

	private List<Map<String, Object>> byCandidates(String sql, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String marks = ids.stream().map((id) -> "?").collect(Collectors.joining(", "));
		return rows(sql.formatted(marks), ids.toArray());
	}

	/** Column names as the JSON shows them: lower case, as in the schema. */
	private static Map<String, Object> lowerKeys(Map<String, Object> row) {
		Map<String, Object> lower = new LinkedHashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
		return lower;
	}

}
