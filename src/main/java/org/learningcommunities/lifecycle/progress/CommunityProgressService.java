package org.learningcommunities.lifecycle.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.CommunityRepository.StageRecord;
import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each community stands: its stage, current step, open and overdue tasks.
 */
@Service
@Transactional(readOnly = true)
public class CommunityProgressService {

	private final CommunityRepository communities;

	private final OpenTaskRepository openTasks;

	private final Clock clock;

	CommunityProgressService(CommunityRepository communities, OpenTaskRepository openTasks, Clock clock) {
		this.communities = communities;
		this.openTasks = openTasks;
		this.clock = clock;
	}

	public List<CommunitySummary> all() {
		Map<String, OpenTaskRepository.Counts> counts = this.openTasks.counts(this.clock.instant());
		return this.communities.findAll().stream().map((community) -> {
			OpenTaskRepository.Counts count = counts.getOrDefault(community.code(), OpenTaskRepository.Counts.NONE);
			return summary(community, count.currentStep(), count.open(), count.overdue());
		}).toList();
	}

	public java.util.Optional<CommunityDetails> find(String code) {
		return this.communities.findByCode(code).map((community) -> {
			Instant now = this.clock.instant();
			List<OpenTask> tasks = this.openTasks.openTasks(code);
			long overdue = tasks.stream().filter((task) -> task.overdueAt(now)).count();
			String step = tasks.isEmpty() ? null : tasks.get(0).name();
			return new CommunityDetails(summary(community, step, tasks.size(), (int) overdue),
					community.professionalField(), community.leaderId(), community.professionalPartner(),
					community.partnerRepIds(), community.plannedStart(), community.targetSize(),
					this.communities.stageHistory(community.id()), tasks);
		});
	}

	private static CommunitySummary summary(Community community, String step, int open, int overdue) {
		return new CommunitySummary(community.code(), community.name(), community.stage(), step, open, overdue);
	}

	/** A community in the list. */
	public record CommunitySummary(String code, String name, Stage stage, String currentStep, int openTasks,
			int overdueTasks) {
	}

	/** One community with its people, stage history and open tasks. */
	public record CommunityDetails(String code, String name, Stage stage, String currentStep, int openTasks,
			int overdueTasks, String professionalField, String leader, String professionalPartner,
			List<String> partnerRepresentatives, LocalDate plannedStart, int targetSize, List<StageRecord> stageHistory,
			List<OpenTask> tasks) {

		CommunityDetails(CommunitySummary summary, String professionalField, String leader, String professionalPartner,
				List<String> partnerRepresentatives, LocalDate plannedStart, int targetSize,
				List<StageRecord> stageHistory, List<OpenTask> tasks) {
			this(summary.code(), summary.name(), summary.stage(), summary.currentStep(), summary.openTasks(),
					summary.overdueTasks(), professionalField, leader, professionalPartner, partnerRepresentatives,
					plannedStart, targetSize, stageHistory, tasks);
		}

	}

}
