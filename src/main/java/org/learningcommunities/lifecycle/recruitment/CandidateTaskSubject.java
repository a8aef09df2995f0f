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
		return TaskSubject.id(variable, CandidateAdmissionProcess.CANDIDATE_ID)
			.flatMap((id) -> this.jdbc.sql("select full_name from lc_candidate where id = ?")
				.param(id)
				.query(String.class)
				.optional());
	}

}
