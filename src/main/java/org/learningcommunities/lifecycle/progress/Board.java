package org.learningcommunities.lifecycle.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.progress.LifecycleSteps.TimelineStage;

/**
 * The progress board as the JSON API and the page show it: one page of communities, each
 * with its timeline, open tasks, next meetings and pending work-plan approvals.
 */
public final class Board {

	/** Tasklist's view of one task, relative to the application's root. */
	static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

	/** Cockpit's view of one process instance, relative to the application's root. */
	static final String COCKPIT_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";

	private Board() {
	}

	/**
	 * One page of the board.
	 *
	 * @param page the page, from 0
	 * @param size communities per page
	 * @param totalElements communities matching the filters
	 * @param totalPages pages of that size
	 */
	public record Page(int page, int size, long totalElements, int totalPages, Filters filters, List<Row> communities) {
	}

	/** The filters the page was answered with ({@code null}: not filtered). */
	public record Filters(Stage stage, String field, String leader, boolean overdue) {
	}

	/**
	 * One community.
	 *
	 * @param currentStep the name of its newest open task
	 * @param cockpitUrl its {@code community-lifecycle} instance in Cockpit, when it has
	 * an open task to tell it
	 */
	public record Row(String code, String name, String professionalField, String leader, String foundationRep,
			String ministryRep, Stage stage, String currentStep, int openTasks, int overdueTasks, String cockpitUrl,
			List<TimelineStage> timeline, List<Task> tasks, List<UpcomingMeeting> nextMeetings,
			List<PendingApproval> pendingApprovals) {
	}

	/**
	 * An open task and its owner: the assignee, or while nobody is assigned the candidate
	 * groups.
	 */
	public record Task(String taskId, String taskKey, String name, String processKey, String assignee,
			List<String> candidateGroups, Instant due, boolean overdue, String tasklistUrl, String cockpitUrl) {

		static Task of(OpenTask task, Instant now) {
			return new Task(task.taskId(), task.taskKey(), task.name(), task.processKey(), task.assignee(),
					task.candidateGroups(), task.due(), task.overdueAt(now), TASKLIST_TASK + task.taskId(),
					(task.processInstanceId() != null) ? COCKPIT_INSTANCE + task.processInstanceId() : null);
		}

	}

	/** A planned meeting, today or later. */
	public record UpcomingMeeting(long id, int seq, LocalDate date, String topic, String host, boolean online,
			boolean seminar) {
	}

	/**
	 * A year's work plan that is not approved yet.
	 *
	 * @param year 1 to 3
	 * @param status {@code AWAITING_APPROVAL} or {@code CHANGES_REQUESTED}
	 * @param version the latest version drafted, if any
	 * @param pendingPartners the partners whose approval task is open
	 */
	public record PendingApproval(int year, String status, Integer version, List<String> pendingPartners) {
	}

}
