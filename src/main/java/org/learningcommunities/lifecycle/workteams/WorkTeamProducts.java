package org.learningcommunities.lifecycle.workteams;

import java.util.List;

import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.community.ProductSuggestions;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.stereotype.Component;

/**
 * The work teams' products, offered to year two's summary: each team's product by the
 * title and type set at its start, described by the final product presented at the
 * conference (or, before that, its audience). A dropped product is not offered.
 */
@Component
class WorkTeamProducts implements ProductSuggestions {

	private final WorkTeamService teams;

	private final CommunityRepository communities;

	WorkTeamProducts(WorkTeamService teams, CommunityRepository communities) {
		this.teams = teams;
		this.communities = communities;
	}

	@Override
	public List<Product> suggestedFor(String communityCode, Stage stage) {
		if (stage != Stage.YEAR_TWO) {
			return List.of();
		}
		return this.communities.findByCode(communityCode)
			.map((community) -> this.teams.teams(community.id())
				.stream()
				.filter((team) -> team.productTitle() != null && team.productType() != null
						&& !"DROPPED".equals(team.status()))
				.map((team) -> new Product(stage, Product.Source.WORK_TEAM, team.workTeamId(), team.productTitle(),
						team.productType(),
						(team.finalProduct() != null) ? team.finalProduct() : team.productAudience()))
				.toList())
			.orElse(List.of());
	}

}
