package org.learningcommunities.lifecycle.approvals;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.LifecycleRestClient.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid form values of {@code work-plan-approval} and its steps done by the demo users
 * who own them, through the engine REST API. End-to-end tests that drive a community into
 * a year call {@link #approveQuickly(String)} where the lifecycle waits for the year's
 * work plan.
 */
public final class WorkPlanSteps {

	public static final String LEADER = "leader";

	public static final String FOUNDATION = "foundation";

	public static final String MINISTRY = "ministry";

	private final LifecycleRestClient client;

	private final String leader;

	public WorkPlanSteps(LifecycleRestClient client) {
		this(client, LEADER);
	}

	/** The steps for communities led by another member of {@code community-leaders}. */
	public WorkPlanSteps(LifecycleRestClient client, String leader) {
		this.client = client;
		this.leader = leader;
	}

	// valid form values
	// --------------------------------------------------------------------------------------------

	/** A plan whose goals end with the given version label, e.g. {@code "version 1"}. */
	public static Map<String, Object> plan(String version) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("goals", "Members plan their authority's economy together, " + version);
		form.put("targets", "Ten joint projects by year three; 80% attendance");
		form.put("meetingsPlanned", "Ten monthly meetings, one two-day seminar in the spring");
		form.put("workTeams", "None in year one");
		form.put("budgetLines", "Venues and catering: 45000\nTwo-day seminar: 30000\nEvaluation: 12000");
		return form;
	}

	public static Map<String, Object> approve() {
		return new LinkedHashMap<>(Map.of("workPlanDecision", "approve"));
	}

	/** An approval that names the version decided on, as the form sends it back. */
	public static Map<String, Object> approve(int version) {
		Map<String, Object> form = approve();
		form.put("planVersion", version);
		return form;
	}

	/** A request for changes with a comment on one section ({@code budgetComment}...). */
	public static Map<String, Object> requestChanges(String commentField, String comment) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("workPlanDecision", "request-changes");
		form.put(commentField, comment);
		return form;
	}

	// the steps, each by its owner
	// ---------------------------------------------------------------------------------

	/**
	 * Where the lifecycle waits for a year's work plan: the leader drafts a valid plan
	 * and both demo partners approve it, so that the year starts.
	 */
	public void approveQuickly(String code) {
		draft(code, plan("version 1"));
		approveAs(FOUNDATION, code, approve());
		approveAs(MINISTRY, code, approve());
	}

	/** The leader drafts the year's plan in the draft assigned to her; it must pass. */
	public void draft(String code, Map<String, Object> form) {
		JsonNode draft = this.client.taskAssignedTo(this.leader, code, WorkPlanApprovalProcess.DRAFT_WORK_PLAN);
		Answer answer = this.client.submitTask(this.leader, draft.path("id").asText(), form);
		assertThat(answer.status().value()).as("draft-work-plan of %s: %s", code, answer).isEqualTo(204);
	}

	/** The partner decides in the approval assigned to them; it must pass. */
	public void approveAs(String partner, String code, Map<String, Object> form) {
		Answer answer = this.client.submitTask(partner, approvalOf(partner, code).path("id").asText(), form);
		assertThat(answer.status().value()).as("approve-work-plan of %s by %s: %s", code, partner, answer)
			.isEqualTo(204);
	}

	/** The partner's own approval of the community's plan, the only one they see. */
	public JsonNode approvalOf(String partner, String code) {
		return this.client.task(partner, code, WorkPlanApprovalProcess.APPROVE_WORK_PLAN);
	}

}
