package org.learningcommunities.lifecycle.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.progress.BoardRepository.CommunityRow;
import org.learningcommunities.lifecycle.progress.BoardRepository.PlanRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress board: a page of the communities the viewer may see, with everything a row
 * shows, in a fixed number of queries whatever the page size (ADR 0007, ADR 0015).
 */
@Service
@Transactional(readOnly = true)
public class BoardService {

	/** The venture's days (meeting days) are Israel's. */
	static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	/** How many of its next meetings a row shows. */
	static final int NEXT_MEETINGS = 3;

	private static final String APPROVE_WORK_PLAN = "approve-work-plan";

	private final BoardRepository repository;

	private final Clock clock;

	BoardService(BoardRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Board.Page page(BoardFilter filter, Viewer viewer) {
		Instant now = this.clock.instant();
		BoardRepository.Slice slice = this.repository.communities(filter, viewer, now);
		List<CommunityRow> rows = slice.rows();
		Map<String, List<OpenTask>> tasks = this.repository.openTasks(rows.stream().map(CommunityRow::code).toList());
		List<Long> ids = rows.stream().map(CommunityRow::id).toList();
		Map<Long, List<Board.UpcomingMeeting>> meetings = this.repository.plannedMeetings(ids,
				LocalDate.now(this.clock.withZone(ZONE)));
		Map<Long, List<PlanRow>> plans = this.repository.pendingWorkPlans(ids);
		List<Board.Row> result = rows.stream()
			.map((row) -> row(row, tasks.getOrDefault(row.code(), List.of()),
					meetings.getOrDefault(row.id(), List.of()), plans.getOrDefault(row.id(), List.of()), now))
			.toList();
		int size = filter.size();
		int totalPages = (size == Integer.MAX_VALUE) ? 1 : (int) ((slice.total() + size - 1) / size);
		return new Board.Page(filter.page(), size, slice.total(), totalPages,
				new Board.Filters(filter.stage(), filter.field(), filter.leader(), filter.overdue()), result);
	}

	/**
	 * The filter choices for the page: fields and leaders of the communities the viewer
	 * sees.
	 */
	public Choices choices(Viewer viewer) {
		return new Choices(this.repository.fields(viewer), this.repository.leaders(viewer));
	}

	private static Board.Row row(CommunityRow community, List<OpenTask> tasks, List<Board.UpcomingMeeting> meetings,
			List<PlanRow> plans, Instant now) {
		int overdue = (int) tasks.stream().filter((task) -> task.overdueAt(now)).count();
		String currentStep = tasks.isEmpty() ? null : tasks.get(0).name();
		String root = tasks.stream().map(OpenTask::rootInstanceId).filter((id) -> id != null).findFirst().orElse(null);
		List<String> approving = tasks.stream()
			.filter((task) -> APPROVE_WORK_PLAN.equals(task.taskKey()) && task.assignee() != null)
			.map(OpenTask::assignee)
			.sorted()
			.toList();
		List<Board.PendingApproval> approvals = plans.stream()
			.map((plan) -> new Board.PendingApproval(plan.year(), plan.status(), plan.latestVersion(), approving))
			.toList();
		return new Board.Row(community.code(), community.name(), community.professionalField(), community.leaderId(),
				community.foundationRepId(), community.ministryRepId(), community.stage(), currentStep, tasks.size(),
				overdue, (root != null) ? Board.COCKPIT_INSTANCE + root : null,
				LifecycleSteps.timeline(community.stage(), tasks, now),
				tasks.stream().map((task) -> Board.Task.of(task, now)).toList(),
				meetings.stream().limit(NEXT_MEETINGS).toList(), approvals);
	}

	/** What the board's filters offer. */
	public record Choices(List<String> fields, List<String> leaders) {
	}

}
