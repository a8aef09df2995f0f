package org.learningcommunities.lifecycle.community;

/**
 * A product the community registered with a year summary: its title, its type from the
 * guide's list (summary, one-pager, video, podcast, mind map, padlet, booklet, case
 * studies, rubric, operating guide) and a description or link.
 */
public record Product(Stage stage, Source source, String title, String productType, String description) {

	/** Where a product comes from. */
	public enum Source {

		/** A meeting's knowledge product. */
		MEETING,
		/** Written by the leader in the year summary. */
		OTHER

	}

}
