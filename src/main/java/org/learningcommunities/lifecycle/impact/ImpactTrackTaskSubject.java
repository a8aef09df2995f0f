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
		Object id = variable.apply(YearThreeProcess.IMPACT_TRACK_ID);
		if (id == null || !id.toString().matches("\\d{1,18}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("select seq, title from lc_impact_track where id = ?")
			.param(Long.parseLong(id.toString()))
			.query((rs, row) -> "מסלול " + rs.getInt("seq") + ": " + rs.getString("title") + " / Track "
					+ rs.getInt("seq") + ": " + rs.getString("title"))
			.optional();
	}

}
