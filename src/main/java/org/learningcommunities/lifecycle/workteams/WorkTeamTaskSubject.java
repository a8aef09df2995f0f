package org.learningcommunities.lifecycle.workteams;

import java.util.Optional;
import java.util.function.Function;

import org.learningcommunities.lifecycle.community.YearTwoProcess;
import org.learningcommunities.lifecycle.progress.TaskSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks of a work team are about that team: its number and topic.
 */
@Component
class WorkTeamTaskSubject implements TaskSubject {

	private final JdbcClient jdbc;

	WorkTeamTaskSubject(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String processKey() {
		return WorkTeamProcess.KEY;
	}

	@Override
	public Optional<String> of(Function<String, Object> variable) {
		return TaskSubject.id(variable, YearTwoProcess.WORK_TEAM_ID)
			.flatMap((id) -> this.jdbc.sql("select seq, topic from lc_work_team where id = ?")
				.param(id)
				.query((rs, row) -> "צוות " + rs.getInt("seq") + ": " + rs.getString("topic") + " / Team "
						+ rs.getInt("seq") + ": " + rs.getString("topic"))
				.optional());
	}

}
