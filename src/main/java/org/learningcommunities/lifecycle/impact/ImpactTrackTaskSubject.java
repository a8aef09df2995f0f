package org.learningcommunities.lifecycle.impact;

import java.util.Optional;
import java.util.function.Function;

import org.learningcommunities.lifecycle.community.YearThreeProcess;
import org.learningcommunities.lifecycle.progress.TaskSubject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks of an impact track are about that track: its number and title.
 */
@Component
class ImpactTrackTaskSubject implements TaskSubject {

	private final JdbcClient jdbc;

	ImpactTrackTaskSubject(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String processKey() {
		return ImpactTrackProcess.KEY;
	}

	@Override
	public Optional<String> of(Function<String, Object> variable) {
		return TaskSubject.id(variable, YearThreeProcess.IMPACT_TRACK_ID)
			.flatMap((id) -> this.jdbc.sql("select seq, title from lc_impact_track where id = ?")
				.param(id)
				.query((rs, row) -> "מסלול " + rs.getInt("seq") + ": " + rs.getString("title") + " / Track "
						+ rs.getInt("seq") + ": " + rs.getString("title"))
				.optional());
	}

}
