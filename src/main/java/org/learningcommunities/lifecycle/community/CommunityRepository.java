package org.learningcommunities.lifecycle.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.learningcommunities.lifecycle.system.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Communities, their stage history and the project manager's gate decisions (tables of
 * V1).
 */
@Repository
public class CommunityRepository {

	/**
	 * The table of communities, as {@link TransactionCache} knows it: what a transaction
	 * read of it is forgotten when it writes it (identity.CommunityPeople reads it under
	 * the same name).
	 */
	public static final String TABLE = "lc_community";

	private final JdbcClient jdbc;

	CommunityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean existsByCode(String code) {
		return this.jdbc.sql("select count(*) from lc_community where code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	long insert(Community community) {
		TransactionCache.clear(TABLE);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into lc_community (code, name, professional_field, leader_id, professional_partner,
					    foundation_rep_id, ministry_rep_id, planned_start, target_size, stage, created_at)
					values (:code, :name, :field, :leader, :partner, :foundation, :ministry, :start, :size, :stage, :created)""")
			.param("code", community.code())
			.param("name", community.name())
			.param("field", community.professionalField())
			.param("leader", community.leaderId())
			.param("partner", community.professionalPartner())
			.param("foundation", community.foundationRepId())
			.param("ministry", community.ministryRepId())
			.param("start", community.plannedStart())
			.param("size", community.targetSize())
			.param("stage", community.stage().name())
			.param("created", Timestamp.from(community.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * The community with that code; read once per transaction (the listeners, handlers
	 * and grants of one form submission each ask for it).
	 */
	public Optional<Community> findByCode(String code) {
		return TransactionCache.get(TABLE, "row:" + code,
				() -> this.jdbc.sql("select * from lc_community where code = ?")
					.param(code)
					.query(this::map)
					.optional());
	}

	public List<Community> findAll() {
		return this.jdbc.sql("select * from lc_community order by code").query(this::map).list();
	}

	void lowerTargetSize(Community community, int newSize, String reason, String by, Instant at) {
		TransactionCache.clear(TABLE);
		this.jdbc.sql("update lc_community set target_size = ? where id = ?").params(newSize, community.id()).update();
		this.jdbc
			.sql("""
					insert into lc_target_size_change (community_id, stage, from_size, to_size, reason, decided_by, decided_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id(), community.stage().name(), community.targetSize(), newSize, reason, by,
					Timestamp.from(at))
			.update();
	}

	void updateStage(long communityId, Stage stage) {
		TransactionCache.clear(TABLE);
		this.jdbc.sql("update lc_community set stage = ? where id = ?").params(stage.name(), communityId).update();
	}

	void insertStageEntered(long communityId, Stage stage, Instant at) {
		this.jdbc.sql("insert into lc_stage_history (community_id, stage, entered_at) values (?, ?, ?)")
			.params(communityId, stage.name(), Timestamp.from(at))
			.update();
	}

	void markStageLeft(long communityId, Stage stage, Instant at) {
		this.jdbc
			.sql("update lc_stage_history set left_at = ? where community_id = ? and stage = ? and left_at is null")
			.params(Timestamp.from(at), communityId, stage.name())
			.update();
	}

	public List<StageRecord> stageHistory(long communityId) {
		return this.jdbc.sql("select * from lc_stage_history where community_id = ? order by id")
			.param(communityId)
			.query((rs, n) -> new StageRecord(Stage.valueOf(rs.getString("stage")), instant(rs, "entered_at"),
					instant(rs, "left_at")))
			.list();
	}

	void insertGateDecision(long communityId, Stage stage, GateDecision decision, String reason, String decidedBy,
			Instant at) {
		this.jdbc.sql("""
				insert into lc_stage_gate_decision (community_id, stage, decision, reason, decided_by, decided_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(communityId, stage.name(), decision.name(), reason, decidedBy, Timestamp.from(at))
			.update();
	}

	public List<GateRecord> gateDecisions(long communityId) {
		return this.jdbc.sql("select * from lc_stage_gate_decision where community_id = ? order by id")
			.param(communityId)
			.query((rs, n) -> new GateRecord(Stage.valueOf(rs.getString("stage")),
					GateDecision.valueOf(rs.getString("decision")), rs.getString("reason"), rs.getString("decided_by"),
					instant(rs, "decided_at")))
			.list();
	}

	private Community map(ResultSet rs, int row) throws SQLException {
		return new Community(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("professional_field"), rs.getString("leader_id"), rs.getString("professional_partner"),
				rs.getString("foundation_rep_id"), rs.getString("ministry_rep_id"),
				rs.getDate("planned_start").toLocalDate(), rs.getInt("target_size"),
				Stage.valueOf(rs.getString("stage")), instant(rs, "created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** One stay of a community in a stage. */
	public record StageRecord(Stage stage, Instant enteredAt, Instant leftAt) {
	}

	/** One decision at a stage gate. */
	public record GateRecord(Stage stage, GateDecision decision, String reason, String decidedBy, Instant decidedAt) {
	}

	/** What the project manager decided at a stage gate. */
	public enum GateDecision {

		SIGNED, SENT_BACK

	}

}
