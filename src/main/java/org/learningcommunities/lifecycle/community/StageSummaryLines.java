package org.learningcommunities.lifecycle.community;

import java.util.List;

/**
 * What another capability adds to the summary the project manager reads at a stage gate
 * (the work teams and their products of year two, the impact tracks and the farewell of
 * year three), without the community capability depending on it.
 */
public interface StageSummaryLines {

	/** Lines for the gate of the stage; empty when the capability has nothing to say. */
	List<String> linesFor(Community community, Stage stage);

}
