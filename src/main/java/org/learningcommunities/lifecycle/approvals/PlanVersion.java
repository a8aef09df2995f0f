package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of a work plan (a row of {@code lc_work_plan_version} with its budget
 * lines): the sections the partners decide on.
 */
public record PlanVersion(long id, int version, String goals, String targets, String meetingsPlanned, String workTeams,
		List<BudgetLine> budgetLines, BigDecimal budgetTotal, String draftedBy, Instant draftedAt) {

	/** The sections whose content differs from an earlier version. */
	public List<Section> changedSince(PlanVersion earlier) {
		List<Section> changed = new ArrayList<>();
		for (Section section : Section.values()) {
			if (!Objects.equals(content(section), earlier.content(section))) {
				changed.add(section);
			}
		}
		return changed;
	}

	/** A section's content as the forms show it. */
	public String content(Section section) {
		return switch (section) {
			case GOALS -> this.goals + "\n" + this.targets;
			case MEETINGS -> this.meetingsPlanned;
			case WORK_TEAMS -> (this.workTeams != null) ? this.workTeams : "";
			case BUDGET -> BudgetLines.format(this.budgetLines);
		};
	}

}
