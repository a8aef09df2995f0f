package org.learningcommunities.lifecycle.impact;

import java.util.List;

import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.community.ProductSuggestions;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.stereotype.Component;

/**
 * The impact tracks' outcomes, offered to year three's summary: the product each
 * completed track recorded with its outcome, titled by the track.
 */
@Component
class ImpactTrackProducts implements ProductSuggestions {

	private final ImpactTrackService tracks;

	private final CommunityRepository communities;

	ImpactTrackProducts(ImpactTrackService tracks, CommunityRepository communities) {
		this.tracks = tracks;
		this.communities = communities;
	}

	@Override
	public List<Product> suggestedFor(String communityCode, Stage stage) {
		if (stage != Stage.YEAR_THREE) {
			return List.of();
		}
		return this.communities.findByCode(communityCode)
			.map((community) -> this.tracks.tracks(community.id())
				.stream()
				.filter((track) -> track.product() != null && track.productType() != null)
				.map((track) -> new Product(stage, Product.Source.IMPACT_TRACK, track.impactTrackId(), track.title(),
						track.productType(), track.product()))
				.toList())
			.orElse(List.of());
	}

}
