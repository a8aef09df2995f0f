package org.learningcommunities.lifecycle.community;

/**
 * Keys shared by {@code year-one.bpmn}, {@code year-two.bpmn} and
 * {@code year-three.bpmn}.
 */
public final class YearProcess {

	public static final String SUMMARIZE_YEAR = "summarize-year";

	private YearProcess() {
	}

}
