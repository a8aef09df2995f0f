package org.learningcommunities.lifecycle.community;

import java.time.LocalDate;
import java.util.List;

/**
 * Products another capability made during a stage (the meetings' knowledge products, the
 * work teams' products), offered to the leader when the year summary is written: the
 * summary form opens with them, to keep, correct or remove.
 */
public interface ProductSuggestions {

	/**
	 * @param since the day the community entered the stage
	 */
	List<Product> suggestedFor(String communityCode, Stage stage, LocalDate since);

}
