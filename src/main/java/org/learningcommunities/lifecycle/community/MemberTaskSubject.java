package org.learningcommunities.lifecycle.community;

import java.util.Optional;
import java.util.function.Function;

import org.learningcommunities.lifecycle.progress.TaskSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A farewell task of a year's renewal is about the leaving member: their full name (the
 * renewal's own task, who continues and who leaves, has no member and no subject).
 */
@Component
class MemberTaskSubject implements TaskSubject {

	private final JdbcClient jdbc;

	MemberTaskSubject(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String processKey() {
		return RenewalProcess.KEY;
	}

	@Override
	public Optional<String> of(Function<String, Object> variable) {
		return TaskSubject.id(variable, RenewalProcess.MEMBER_ID)
			.flatMap((id) -> this.jdbc.sql("select full_name from lc_candidate where id = ?")
				.param(id)
				.query(String.class)
				.optional());
	}

}
