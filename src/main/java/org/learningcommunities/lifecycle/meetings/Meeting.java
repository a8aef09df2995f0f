package org.learningcommunities.lifecycle.meetings;

import java.time.LocalDate;

import org.learningcommunities.lifecycle.community.Stage;

/**
 * One community meeting (a row of {@code lc_meeting}): what the syllabus placed, the
 * planning sheet, the logistics, and what happened.
 *
 * @param stage the year the meeting belongs to
 * @param partnerCommunity the other community's code, for an
 * {@link MeetingKind#INTER_COMMUNITY} meeting
 * @param hostMemberId the member (candidate id) who hosts the meeting, if one does
 * @param coPlannerId the member who plans it with the leader, if one does
 */
public record Meeting(long id, long communityId, int seq, LocalDate meetingDate, String topic, String host,
		boolean online, boolean seminar, MeetingStatus status, String cancelReason, String professionalGoals,
		String communityGoals, String desiredProduct, String agenda, String attachments, String venue, String catering,
		String productionNotes, Integer attendanceCount, Integer satisfaction, String feedback, String knowledgeProduct,
		String productType, Stage stage, MeetingKind kind, String partnerCommunity, Long hostMemberId,
		Long coPlannerId) {
}
