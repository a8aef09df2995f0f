package org.learningcommunities.lifecycle.community;

import java.util.List;

/**
 * Products another capability made during a year (the meetings' knowledge products, the
 * work teams' products, the impact tracks' outcomes), offered to the leader when the year
 * summary is written: the summary form lists them, and they are registered with it in
 * {@code lc_product}, the one record of a community's products.
 */
public interface ProductSuggestions {

	/** What the capability made for the community in that year, not yet registered. */
	List<Product> suggestedFor(String communityCode, Stage stage);

}
