package org.learningcommunities.lifecycle.meetings;

import java.time.LocalDate;

/**
 * One community meeting (a row of {@code lc_meeting}): what the syllabus placed, the
 * planning sheet, the logistics, and what happened.
 */
public record Meeting(long id, long communityId, int seq, LocalDate meetingDate, String topic, String host,
		boolean online, boolean seminar, MeetingStatus status, String cancelReason, String professionalGoals,
		String communityGoals, String desiredProduct, String agenda, String attachments, String venue, String catering,
		String productionNotes, Integer attendanceCount, Integer satisfaction, String feedback, String knowledgeProduct,
		String productType) {
}
