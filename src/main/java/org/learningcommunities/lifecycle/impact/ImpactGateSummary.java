package org.learningcommunities.lifecycle.impact;

import java.util.ArrayList;
import java.util.List;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.community.StageSummaryLines;
import org.springframework.stereotype.Component;

/** Year three's gate shows each impact track and where it ended, and the farewell. */
@Component
class ImpactGateSummary implements StageSummaryLines {

	private final ImpactTrackService tracks;

	private final YearsService years;

	ImpactGateSummary(ImpactTrackService tracks, YearsService years) {
		this.tracks = tracks;
		this.years = years;
	}

	@Override
	public List<String> linesFor(Community community, Stage stage) {
		if (stage != Stage.YEAR_THREE) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		this.tracks.tracks(community.id())
			.forEach((track) -> lines.add("Impact track " + track.seq() + " (" + track.title() + "): " + track.status()
					+ ((track.outcome() != null) ? ", " + track.outcome() : "")
					+ ((track.abandonReason() != null) ? ", " + track.abandonReason() : "")));
		this.years.farewell(community.id())
			.ifPresent((farewell) -> lines
				.add("Farewell on " + farewell.farewellDay() + "; final evaluation: " + farewell.finalEvaluation()));
		return lines;
	}

}
