package org.learningcommunities.lifecycle.community;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.learningcommunities.lifecycle.community.StageDataRepository.Confirmation;
import org.learningcommunities.lifecycle.community.StageDataRepository.GoalSet;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five establishment steps (guide p.70): each form's data in our tables, prefilled
 * when a step is revised.
 */
@Service
@Transactional
public class EstablishmentService {

	private static final Logger log = LoggerFactory.getLogger(EstablishmentService.class);

	private final CommunityService communities;

	private final StageDataRepository data;

	private final Clock clock;

	EstablishmentService(CommunityService communities, StageDataRepository data, Clock clock) {
		this.communities = communities;
		this.data = data;
		this.clock = clock;
	}

	// steps 1, 2, 4 and 5: one row per community
	// ----------------------------------------------------------

	public Map<String, Object> stepForm(TaskContext task, StepTable step) {
		return this.data.find(step.table(), communityId(task)).map(step::formValues).orElseGet(Map::of);
	}

	public Map<String, Object> recordStep(TaskContext task, StepTable step, FormValues form) {
		this.data.replace(step.table(), communityId(task), step.row(form), task.userId(), this.clock.instant());
		log.info("Establishment step {} recorded for community {}", task.taskKey(), task.communityCode());
		return Map.of();
	}

	// step 3: goals and targets, confirmed by every partner
	// ----------------------------------------------------

	public Map<String, Object> draftGoalsForm(TaskContext task) {
		long communityId = communityId(task);
		Map<String, Object> values = new LinkedHashMap<>();
		this.data.latestGoalSet(communityId).ifPresent((goals) -> {
			values.put("goals", goals.goals());
			values.put("targets", goals.targets());
			values.put("partnerComments", comments(this.data.confirmations(goals.id())));
		});
		return values;
	}

	public Map<String, Object> draftGoals(TaskContext task, FormValues form) {
		long communityId = communityId(task);
		int version = this.data.nextGoalVersion(communityId);
		this.data.insertGoalSet(communityId, version, form.text("goals"), form.text("targets"), task.userId(),
				this.clock.instant());
		log.info("Goals version {} drafted for community {}", version, task.communityCode());
		return Map.of();
	}

	public Map<String, Object> confirmGoalsForm(TaskContext task) {
		GoalSet goals = latestGoals(task);
		return Map.of("goalsVersion", goals.version(), "goals", goals.goals(), "targets", goals.targets());
	}

	public Map<String, Object> confirmGoals(TaskContext task, FormValues form) {
		GoalSet goals = latestGoals(task);
		boolean confirmed = "confirm".equals(form.text("goalsDecision"));
		String comment = form.text("goalsComment");
		if (!confirmed && comment == null) {
			throw InvalidFormException.of("goalsComment", "is required when asking for changes");
		}
		String partner = (task.assignee() != null) ? task.assignee() : task.userId();
		if (!partner.equals(task.userId())) {
			// the partners group may work on every partner's confirmation: each partner
			// decides only their own
			throw new AuthorizationException(
					"Only " + partner + " can decide on this confirmation of the goals, not " + task.userId());
		}
		this.data.insertConfirmation(goals.id(), partner, confirmed, comment, this.clock.instant());
		log.info("Partner {} {} goals version {} of community {}", partner, confirmed ? "confirmed" : "did not confirm",
				goals.version(), task.communityCode());
		return Map.of();
	}

	/**
	 * True when every partner representative confirmed the latest version of the goals.
	 */
	public boolean goalsAgreedByEveryPartner(String communityCode) {
		Community community = this.communities.get(communityCode);
		return this.data.latestGoalSet(community.id()).map((goals) -> {
			List<Confirmation> confirmations = this.data.confirmations(goals.id());
			return community.partnerRepIds()
				.stream()
				.allMatch((partner) -> confirmations.stream()
					.anyMatch((c) -> c.partnerId().equals(partner) && c.confirmed()));
		}).orElse(false);
	}

	private GoalSet latestGoals(TaskContext task) {
		return this.data.latestGoalSet(communityId(task))
			.orElseThrow(() -> new IllegalStateException("No goals drafted for " + task.communityCode()));
	}

	private static String comments(List<Confirmation> confirmations) {
		StringBuilder text = new StringBuilder();
		for (Confirmation confirmation : confirmations) {
			if (!confirmation.confirmed()) {
				text.append(confirmation.partnerId()).append(": ").append(confirmation.comment()).append('\n');
			}
		}
		return text.toString().strip();
	}

	private long communityId(TaskContext task) {
		return this.communities.get(task.communityCode()).id();
	}

}
