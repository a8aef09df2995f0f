package org.learningcommunities.lifecycle.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository.GateRecord;
import org.learningcommunities.lifecycle.community.CommunityRepository.StageRecord;

/**
 * Everything the community page shows, read in a fixed number of queries.
 */
public record CommunityPage(Community community, List<CandidateRow> candidates, List<MeetingRow> meetings,
		List<TeamRow> workTeams, List<ProductRow> products, List<PlanRow> approvedPlans, List<StageRecord> stageHistory,
		List<GateRecord> gateDecisions, List<Board.Task> tasks) {

	/**
	 * A candidate or member: status {@code APPLIED} to {@code ADMITTED}, {@code LEFT},
	 * ...
	 */
	public record CandidateRow(String fullName, String authority, String role, String region, String status,
			Instant appliedAt) {
	}

	/**
	 * A meeting: planned, held (with attendance, satisfaction 1-5 and feedback) or
	 * cancelled.
	 */
	public record MeetingRow(int seq, LocalDate date, String topic, String host, boolean online, boolean seminar,
			String status, Integer attendance, Integer satisfaction, String feedback, String productType) {
	}

	/** A work team and its product. */
	public record TeamRow(int seq, String topic, String status, int members, String productTitle, String productType,
			LocalDate presentedOn) {
	}

	/** A product registered with a year summary. */
	public record ProductRow(String stage, String title, String productType, String description) {
	}

	/** An approved work plan, with its approved version. */
	public record PlanRow(int year, int version, Instant approvedAt, String goals, String targets,
			String meetingsPlanned, BigDecimal budgetTotal) {
	}

}
