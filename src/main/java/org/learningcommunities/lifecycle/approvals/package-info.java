/**
 * Approvals: each year's work plan and budget, approved by both partners before the year
 * starts (the steering committee's decision). Owns the {@code work-plan-approval}
 * process, which the lifecycle calls before year one, two and three with the year, under
 * the community's business key: the leader (or the project manager) drafts the plan, each
 * partner's representative approves the version or asks for changes with comments per
 * section, a request for changes sends the plan back for a new version, and a deadline
 * reminds the partners and escalates to the project managers. Owns the plans, kept with
 * every version, decision, advice of the advisory committee and escalation in the
 * {@code lc_work_plan*} tables, and answers {@code /api/communities/{code}/work-plans}.
 */
package org.learningcommunities.lifecycle.approvals;
