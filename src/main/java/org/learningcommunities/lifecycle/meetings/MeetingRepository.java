package org.learningcommunities.lifecycle.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.learningcommunities.lifecycle.community.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The community's meetings (table of V6, with V12's year, kind and members).
 */
@Repository
class MeetingRepository {

	/** A meeting with the code of its partner community. */
	private static final String SELECT = """
			select m.*, p.code as partner_code from lc_meeting m
			left join lc_community p on p.id = m.partner_community_id""";

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long communityId, Stage stage, LocalDate meetingDate, String topic, String host, boolean online,
			boolean seminar, Instant createdAt) {
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) + 1 from lc_meeting where community_id = ?")
			.param(communityId)
			.query(Integer.class)
			.single();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into lc_meeting (community_id, stage, seq, meeting_date, topic, host, is_online, is_seminar,
				    status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, stage.name(), seq, meetingDate, topic, host, online, seminar,
					MeetingStatus.PLANNED.name(), Timestamp.from(createdAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Meeting> find(long id) {
		return this.jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::map).optional();
	}

	List<Meeting> findByCommunity(long communityId) {
		return this.jdbc.sql(SELECT + " where m.community_id = ? order by m.meeting_date, m.seq")
			.param(communityId)
			.query(this::map)
			.list();
	}

	void updateDate(long id, LocalDate meetingDate) {
		this.jdbc.sql("update lc_meeting set meeting_date = ? where id = ?").params(meetingDate, id).update();
	}

	void cancel(long id, String reason) {
		this.jdbc.sql("update lc_meeting set status = ?, cancel_reason = ? where id = ?")
			.params(MeetingStatus.CANCELLED.name(), reason, id)
			.update();
	}

	void updatePlan(long id, String professionalGoals, String communityGoals, String desiredProduct, String agenda,
			String attachments) {
		this.jdbc.sql("""
				update lc_meeting set professional_goals = ?, community_goals = ?, desired_product = ?, agenda = ?,
				    attachments = ?
				where id = ?""")
			.params(professionalGoals, communityGoals, desiredProduct, agenda, attachments, id)
			.update();
	}

	void updateKindAndMembers(long id, MeetingKind kind, Long partnerCommunityId, Long hostMemberId, Long coPlannerId) {
		this.jdbc.sql("""
				update lc_meeting set meeting_kind = ?, partner_community_id = ?, host_member_id = ?, co_planner_id = ?
				where id = ?""").params(kind.name(), partnerCommunityId, hostMemberId, coPlannerId, id).update();
	}

	void updateLogistics(long id, String venue, String catering, String productionNotes) {
		this.jdbc.sql("update lc_meeting set venue = ?, catering = ?, production_notes = ? where id = ?")
			.params(venue, catering, productionNotes, id)
			.update();
	}

	void recordAttendance(long id, int attendanceCount, int satisfaction, String feedback) {
		this.jdbc
			.sql("update lc_meeting set status = ?, attendance_count = ?, satisfaction = ?, feedback = ? where id = ?")
			.params(MeetingStatus.HELD.name(), attendanceCount, satisfaction, feedback, id)
			.update();
	}

	void updateKnowledgeProduct(long id, String knowledgeProduct, String productType) {
		this.jdbc.sql("update lc_meeting set knowledge_product = ?, product_type = ? where id = ?")
			.params(knowledgeProduct, productType, id)
			.update();
	}

	private Meeting map(ResultSet rs, int row) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("seq"),
				rs.getDate("meeting_date").toLocalDate(), rs.getString("topic"), rs.getString("host"),
				rs.getBoolean("is_online"), rs.getBoolean("is_seminar"), MeetingStatus.valueOf(rs.getString("status")),
				rs.getString("cancel_reason"), rs.getString("professional_goals"), rs.getString("community_goals"),
				rs.getString("desired_product"), rs.getString("agenda"), rs.getString("attachments"),
				rs.getString("venue"), rs.getString("catering"), rs.getString("production_notes"),
				rs.getObject("attendance_count", Integer.class), rs.getObject("satisfaction", Integer.class),
				rs.getString("feedback"), rs.getString("knowledge_product"), rs.getString("product_type"),
				Stage.valueOf(rs.getString("stage")), MeetingKind.valueOf(rs.getString("meeting_kind")),
				rs.getString("partner_code"), rs.getObject("host_member_id", Long.class),
				rs.getObject("co_planner_id", Long.class));
	}

}
