package org.learningcommunities.lifecycle.recruitment;

import java.util.Optional;
import java.util.function.Function;

import org.learningcommunities.lifecycle.progress.TaskSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks of a candidate's admission (screening, interview, their follow-ups) are about
 * the candidate: their full name.
 */
@Component
class CandidateTaskSubject implements TaskSubject {

	private final JdbcClient jdbc;

	CandidateTaskSubject(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String processKey() {
		return CandidateAdmissionProcess.KEY;
	}

	@Override
	public Optional<String> of(Function<String, Object> variable) {
		Object id = variable.apply(CandidateAdmissionProcess.CANDIDATE_ID);
		if (id == null || !id.toString().matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("select full_name from lc_candidate where id = ?")
			.param(Long.parseLong(id.toString()))
			.query(String.class)
			.optional();
	}

}
