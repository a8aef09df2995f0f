package org.learningcommunities.lifecycle.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.identity.CommunityVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's reads, each one query for a whole page of communities (never one per
 * community): the page itself with its total, then the open tasks, next meetings and
 * pending work plans of the page's communities. Filters, visibility and paging are SQL,
 * on the indexes of V13.
 */
@Repository
class BoardRepository {

	private final JdbcClient jdbc;

	BoardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The communities of the page, in code order, and how many match in all. */
	Slice communities(BoardFilter filter, Viewer viewer, Instant now) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, viewer, now, params);
		long total = this.jdbc.sql("select count(*) from lc_community c" + where)
			.params(params)
			.query(Long.class)
			.single();
		String paging = (filter.size() == Integer.MAX_VALUE) ? ""
				: " offset " + filter.offset() + " rows fetch next " + filter.size() + " rows only";
		List<CommunityRow> rows = this.jdbc.sql("""
				select c.id, c.code, c.name, c.professional_field, c.leader_id, c.foundation_rep_id, c.ministry_rep_id,
				       c.stage
				from lc_community c""" + where + " order by c.code" + paging)
			.params(params)
			.query((rs, n) -> new CommunityRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("professional_field"), rs.getString("leader_id"), rs.getString("foundation_rep_id"),
					rs.getString("ministry_rep_id"), Stage.valueOf(rs.getString("stage"))))
			.list();
		return new Slice(rows, total);
	}

	private static String where(BoardFilter filter, Viewer viewer, Instant now, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (!viewer.seesAll()) {
			where.append(" and ").append(CommunityVisibility.sqlIsOneOfItsPeople("c", "user"));
			params.put("user", viewer.userId());
		}
		if (filter.stage() != null) {
			where.append(" and c.stage = :stage");
			params.put("stage", filter.stage().name());
		}
		if (filter.field() != null) {
			where.append(" and c.professional_field = :field");
			params.put("field", filter.field());
		}
		if (filter.leader() != null) {
			where.append(" and c.leader_id = :leader");
			params.put("leader", filter.leader());
		}
		if (filter.overdue()) {
			where.append(
					" and exists (select 1 from lc_open_task o where o.community_code = c.code and o.due_at < :now)");
			params.put("now", Timestamp.from(now));
		}
		return where.toString();
	}

	/** The open tasks of these communities, newest first within each. */
	Map<String, List<OpenTask>> openTasks(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select * from lc_open_task where community_code in (:codes)
				order by community_code, created_at desc, task_id""")
			.param("codes", codes)
			.query((rs, n) -> Map.entry(rs.getString("community_code"), OpenTaskRepository.map(rs)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** The planned meetings of these communities from a day on, by date within each. */
	Map<Long, List<Board.UpcomingMeeting>> plannedMeetings(Collection<Long> communityIds, LocalDate from) {
		if (communityIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select id, community_id, seq, meeting_date, topic, host, is_online, is_seminar from lc_meeting
				where community_id in (:ids) and status = 'PLANNED' and meeting_date >= :from
				order by community_id, meeting_date, seq""")
			.param("ids", communityIds)
			.param("from", Date.valueOf(from))
			.query((rs, n) -> Map.entry(rs.getLong("community_id"),
					new Board.UpcomingMeeting(rs.getLong("id"), rs.getInt("seq"),
							rs.getDate("meeting_date").toLocalDate(), rs.getString("topic"), rs.getString("host"),
							rs.getBoolean("is_online"), rs.getBoolean("is_seminar"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/**
	 * The work plans of these communities that are not approved, with their latest
	 * version.
	 */
	Map<Long, List<PlanRow>> pendingWorkPlans(Collection<Long> communityIds) {
		if (communityIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select p.community_id, p.plan_year, p.status,
				       (select max(v.version) from lc_work_plan_version v where v.work_plan_id = p.id) as latest_version
				from lc_work_plan p
				where p.community_id in (:ids) and p.status <> 'APPROVED'
				order by p.community_id, p.plan_year""")
			.param("ids", communityIds)
			.query((rs, n) -> new PlanRow(rs.getLong("community_id"), rs.getInt("plan_year"), rs.getString("status"),
					(Integer) rs.getObject("latest_version", Integer.class)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(PlanRow::communityId));
	}

	/** The professional fields of the communities the viewer sees, for the filter. */
	List<String> fields(Viewer viewer) {
		return distinct("professional_field", viewer);
	}

	/** The leaders of the communities the viewer sees, for the filter. */
	List<String> leaders(Viewer viewer) {
		return distinct("leader_id", viewer);
	}

	private List<String> distinct(String column, Viewer viewer) {
		Map<String, Object> params = new HashMap<>();
		String where = where(new BoardFilter(null, null, null, false, 0, 1), viewer, Instant.EPOCH, params);
		return this.jdbc.sql("select distinct c." + column + " from lc_community c" + where + " order by 1")
			.params(params)
			.query(String.class)
			.list();
	}

	/** A community as the board lists it. */
	record CommunityRow(long id, String code, String name, String professionalField, String leaderId,
			String foundationRepId, String ministryRepId, Stage stage) {
	}

	/** The communities of a page and the number matching in all. */
	record Slice(List<CommunityRow> rows, long total) {
	}

	/** A work plan still waiting for its approval. */
	record PlanRow(long communityId, int year, String status, Integer latestVersion) {
	}

}
