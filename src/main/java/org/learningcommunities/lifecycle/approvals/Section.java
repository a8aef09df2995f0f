package org.learningcommunities.lifecycle.approvals;

/**
 * The sections of a work plan that partners comment on, each with the key of its comment
 * in the approval form.
 */
public enum Section {

	/** Goals and targets of the year. */
	GOALS("goals", "goalsComment", "מטרות ויעדים · Goals and targets"),
	/** The meetings planned. */
	MEETINGS("meetings", "meetingsComment", "מפגשים · Meetings"),
	/** Work teams (year two) or impact tracks (year three). */
	WORK_TEAMS("workTeams", "workTeamsComment", "צוותי עבודה או מסלולי השפעה · Work teams or impact tracks"),
	/** The budget lines and their total. */
	BUDGET("budget", "budgetComment", "תקציב · Budget");

	private final String key;

	private final String commentField;

	private final String label;

	Section(String key, String commentField, String label) {
		this.key = key;
		this.commentField = commentField;
		this.label = label;
	}

	/** The section's name in the API ({@code goals}, {@code workTeams}, ...). */
	public String key() {
		return this.key;
	}

	/** The field of the approval form that holds a comment on this section. */
	public String commentField() {
		return this.commentField;
	}

	/** The section's name in forms, Hebrew and English. */
	public String label() {
		return this.label;
	}

}
