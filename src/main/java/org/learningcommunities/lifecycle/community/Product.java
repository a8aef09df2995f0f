package org.learningcommunities.lifecycle.community;

/**
 * A product the community registered with a year summary: its title, its type from the
 * guide's list (summary, one-pager, video, podcast, mind map, padlet, booklet, case
 * studies, rubric, operating guide, and what the work teams and impact tracks name) and a
 * description or link.
 *
 * @param sourceId the meeting's, work team's or impact track's id; none for
 * {@link Source#OTHER}
 */
public record Product(Stage stage, Source source, Long sourceId, String title, String productType, String description) {

	/** Where a product comes from. */
	public enum Source {

		/** A meeting's knowledge product. */
		MEETING("meeting"),
		/** A work team's product, presented at the products conference (year two). */
		WORK_TEAM("work-team"),
		/** An impact track's outcome (year three). */
		IMPACT_TRACK("impact-track"),
		/** Written by the leader in the year summary. */
		OTHER("other");

		private final String value;

		Source(String value) {
			this.value = value;
		}

		/** How the years view names it. */
		public String value() {
			return this.value;
		}

	}

}
