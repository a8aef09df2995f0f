package org.learningcommunities.lifecycle.workteams;

import java.util.List;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.community.StageSummaryLines;
import org.springframework.stereotype.Component;

/** Year two's gate shows each work team, its product and where it stands. */
@Component
class WorkTeamGateSummary implements StageSummaryLines {

	private final WorkTeamService teams;

	WorkTeamGateSummary(WorkTeamService teams) {
		this.teams = teams;
	}

	@Override
	public List<String> linesFor(Community community, Stage stage) {
		if (stage != Stage.YEAR_TWO) {
			return List.of();
		}
		return this.teams.teams(community.id())
			.stream()
			.map((team) -> "Work team " + team.seq() + " (" + team.topic() + "): " + team.productTitle() + " ["
					+ team.productType() + "], " + team.status())
			.toList();
	}

}
