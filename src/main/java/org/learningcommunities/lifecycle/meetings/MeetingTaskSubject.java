package org.learningcommunities.lifecycle.meetings;

import java.util.Optional;
import java.util.function.Function;

import org.learningcommunities.lifecycle.progress.TaskSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks of a meeting (its planning sheet, logistics, attendance, knowledge product)
 * are about that meeting: its number in the community and its topic.
 */
@Component
class MeetingTaskSubject implements TaskSubject {

	private final JdbcClient jdbc;

	MeetingTaskSubject(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String processKey() {
		return CommunityMeetingProcess.KEY;
	}

	@Override
	public Optional<String> of(Function<String, Object> variable) {
		return TaskSubject.id(variable, CommunityMeetingProcess.MEETING_ID)
			.flatMap((id) -> this.jdbc.sql("select seq, topic from lc_meeting where id = ?")
				.param(id)
				.query((rs, row) -> "מפגש " + rs.getInt("seq") + ": " + rs.getString("topic") + " / Meeting "
						+ rs.getInt("seq") + ": " + rs.getString("topic"))
				.optional());
	}

}
