package org.learningcommunities.lifecycle.recruitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Candidates, their screening and interview, the question bank and the open call (tables
 * of V3); and, read only, the community mix agreed in establishment.
 */
@Repository
class CandidateRepository {

	private final JdbcClient jdbc;

	CandidateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The community's open call (the newest round, if several were left open). */
	Optional<OpenCall> openCall(long communityId) {
		return this.jdbc
			.sql("select id, deadline from lc_call where community_id = ? and status = 'OPEN' order by round desc")
			.param(communityId)
			.query((rs, n) -> new OpenCall(rs.getLong("id"), rs.getDate("deadline").toLocalDate()))
			.list()
			.stream()
			.findFirst();
	}

	Optional<Candidate> findByEmail(long communityId, String email) {
		return this.jdbc.sql("select * from lc_candidate where community_id = ? and email = ?")
			.params(communityId, email)
			.query(this::map)
			.optional();
	}

	/**
	 * A candidate number that no candidate carries, drawn as a new candidate's would be:
	 * the answer to a repeated application must look like the answer to a new one. The
	 * row that draws it is removed in the same transaction, so nobody ever sees it.
	 */
	long drawUnusedNumber(long communityId, long callId, Instant at) {
		long number = insert(communityId, callId, new Application("-", "unused-" + UUID.randomUUID() + "@invalid", "-",
				"-", "-", null, null, null, Application.DEFAULT_LANGUAGE, null, null), at);
		this.jdbc.sql("delete from lc_candidate where id = ?").param(number).update();
		return number;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the email applied to the
	 * community already
	 */
	long insert(long communityId, long callId, Application application, Instant appliedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into lc_candidate (community_id, call_id, full_name, email, authority, role, region, sector, gender,
					    seniority_years, language, motivation, status, applied_at)
					values (:community, :call, :fullName, :email, :authority, :role, :region, :sector, :gender, :seniority,
					    :language, :motivation, :status, :appliedAt)""")
			.param("community", communityId)
			.param("call", callId)
			.param("fullName", application.fullName())
			.param("email", application.email())
			.param("authority", application.authority())
			.param("role", application.role())
			.param("region", application.region())
			.param("sector", application.sector())
			.param("gender", application.gender())
			.param("seniority", application.seniorityYears())
			.param("language", application.language())
			.param("motivation", application.motivation())
			.param("status", CandidateStatus.APPLIED.name())
			.param("appliedAt", Timestamp.from(appliedAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Candidate> find(long id) {
		return this.jdbc.sql("select * from lc_candidate where id = ?").param(id).query(this::map).optional();
	}

	List<Candidate> findByCommunity(long communityId) {
		return this.jdbc.sql("select * from lc_candidate where community_id = ? order by id")
			.param(communityId)
			.query(this::map)
			.list();
	}

	void updateStatus(long id, CandidateStatus status, String reason, Instant decidedAt) {
		this.jdbc.sql("update lc_candidate set status = ?, status_reason = ?, decided_at = ? where id = ?")
			.params(status.name(), reason, (decidedAt != null) ? Timestamp.from(decidedAt) : null, id)
			.update();
	}

	void updateStatusReason(long id, String reason) {
		this.jdbc.sql("update lc_candidate set status_reason = ? where id = ?").params(reason, id).update();
	}

	void insertScreening(long candidateId, String decision, String notes, String by, Instant at) {
		this.jdbc.sql("""
				insert into lc_screening (candidate_id, decision, notes, screened_by, screened_at)
				values (?, ?, ?, ?, ?)""").params(candidateId, decision, notes, by, Timestamp.from(at)).update();
	}

	void insertInterview(long candidateId, String interviewers, String notes, int score, String decision, String by,
			Instant at) {
		this.jdbc
			.sql("""
					insert into lc_interview (candidate_id, interviewers, notes, score, decision, interviewed_by, interviewed_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(candidateId, interviewers, notes, score, decision, by, Timestamp.from(at))
			.update();
	}

	/** The active questions of the bank, in their order. */
	List<Question> questions() {
		return this.jdbc.sql("select text_he, text_en from lc_interview_question where active = true order by position")
			.query((rs, n) -> new Question(rs.getString("text_he"), rs.getString("text_en")))
			.list();
	}

	/** The mix agreed in establishment (lc_community_mix), if it was. */
	Optional<AgreedMix> agreedMix(long communityId) {
		return this.jdbc.sql("""
				select target_roles, min_seniority_years, min_share_each_gender_pct, sectors, regions
				from lc_community_mix where community_id = ?""")
			.param(communityId)
			.query((rs, n) -> new AgreedMix(rs.getString("target_roles"), rs.getInt("min_seniority_years"),
					rs.getInt("min_share_each_gender_pct"), list(rs.getString("sectors")),
					list(rs.getString("regions"))))
			.optional();
	}

	/**
	 * How many candidates of the community were admitted, by gender ("" when not given).
	 */
	Map<String, Integer> admittedByGender(long communityId) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select coalesce(gender, '') as gender, count(*) as admitted from lc_candidate
				where community_id = ? and status = 'ADMITTED' group by coalesce(gender, '')""")
			.param(communityId)
			.query()
			.listOfRows()
			.forEach((row) -> counts.put((String) row.get("gender"), ((Number) row.get("admitted")).intValue()));
		return counts;
	}

	private Candidate map(ResultSet rs, int row) throws SQLException {
		return new Candidate(rs.getLong("id"), rs.getLong("community_id"), rs.getLong("call_id"),
				rs.getString("full_name"), rs.getString("email"), rs.getString("authority"), rs.getString("role"),
				rs.getString("region"), rs.getString("sector"), rs.getString("gender"),
				rs.getObject("seniority_years", Integer.class), rs.getString("language"), rs.getString("motivation"),
				CandidateStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				instant(rs, "applied_at"), instant(rs, "decided_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** A checklist of the mix form, stored comma-separated. */
	private static List<String> list(String stored) {
		return (stored == null || stored.isBlank()) ? List.of() : Arrays.asList(stored.split(","));
	}

	/** The call a new application joins, and its last day. */
	record OpenCall(long id, LocalDate deadline) {

		/** Applications are accepted until the end of the deadline day in Israel. */
		Instant closesAt() {
			return CallForApplications.closesAt(this.deadline);
		}

	}

	/** A question of the interview bank, in Hebrew and English. */
	record Question(String textHe, String textEn) {
	}

	/**
	 * The community mix agreed in establishment: what screening checks a candidate
	 * against.
	 */
	record AgreedMix(String targetRoles, int minSeniorityYears, int minShareEachGenderPct, List<String> sectors,
			List<String> regions) {
	}

}
