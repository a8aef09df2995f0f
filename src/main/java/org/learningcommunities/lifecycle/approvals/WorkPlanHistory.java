package org.learningcommunities.lifecycle.approvals;

import java.util.List;
import java.util.Optional;

/**
 * A work plan with everything kept about it: its versions, oldest first, every partner's
 * decision on each, the advisory committee's advice and the escalations.
 */
public record WorkPlanHistory(WorkPlan plan, List<PlanVersion> versions, List<PartnerDecision> decisions,
		List<Advice> advice, List<Escalation> escalations) {

	/** The version the partners decide on now, or decided on last. */
	public Optional<PlanVersion> latest() {
		return this.versions.isEmpty() ? Optional.empty() : Optional.of(this.versions.get(this.versions.size() - 1));
	}

	/** The version before the given one. */
	public Optional<PlanVersion> previous(PlanVersion version) {
		return this.versions.stream().filter((each) -> each.version() == version.version() - 1).findFirst();
	}

	public Optional<PlanVersion> version(int number) {
		return this.versions.stream().filter((each) -> each.version() == number).findFirst();
	}

	public List<PartnerDecision> decisionsOn(PlanVersion version) {
		return this.decisions.stream().filter((decision) -> decision.versionId() == version.id()).toList();
	}

	public List<Advice> adviceOn(PlanVersion version) {
		return this.advice.stream().filter((each) -> each.versionId() == version.id()).toList();
	}

}
