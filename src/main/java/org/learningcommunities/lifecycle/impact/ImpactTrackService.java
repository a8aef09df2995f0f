package org.learningcommunities.lifecycle.impact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.Members;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.community.YearPlans;
import org.learningcommunities.lifecycle.community.YearPlans.YearPlan;
import org.learningcommunities.lifecycle.community.YearThreeProcess;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year three's impact tracks (guide p.71): the first meeting chooses them, and each is
 * planned (kind, goal, leading members, milestones, accompaniment), reviewed until it is
 * complete or abandoned, and its outcome recorded. Called from the forms of
 * {@code year-three} and {@code impact-track}, inside the engine's transaction.
 */
@Service
@Transactional
public class ImpactTrackService {

	private static final Logger log = LoggerFactory.getLogger(ImpactTrackService.class);

	static final int TRACKS_MAX = 10;

	private final CommunityService communities;

	private final Members members;

	private final YearPlans plans;

	private final JdbcClient jdbc;

	private final Clock clock;

	ImpactTrackService(CommunityService communities, Members members, YearPlans plans, JdbcClient jdbc, Clock clock) {
		this.communities = communities;
		this.members = members;
		this.plans = plans;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// choose-impact-tracks (year three)
	// --------------------------------------------------------------------------------

	public Map<String, Object> chooseTracksForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Map<String, Object> values = new LinkedHashMap<>();
		this.plans.find(community.id(), Stage.YEAR_THREE).ifPresent((plan) -> {
			values.put("heldOn", plan.heldOn().toString());
			values.put("centralTopics", plan.centralTopics());
		});
		List<String> titles = this.jdbc.sql("select title from lc_impact_track where community_id = ? order by seq")
			.param(community.id())
			.query(String.class)
			.list();
		if (!titles.isEmpty()) {
			values.put("trackTitles", String.join("\n", titles));
		}
		return values;
	}

	/**
	 * Stores the year's topics and one track per line.
	 * @return the tracks' ids, the collection of the impact-tracks call activity
	 * @throws InvalidFormException naming {@code trackTitles} without a track, with more
	 * than ten, or with a title longer than 200 characters
	 */
	public Map<String, Object> chooseTracks(TaskContext task, FormValues form) {
		Community community = this.communities.get(task.communityCode());
		List<String> titles = form.lines("trackTitles");
		if (titles.isEmpty() || titles.size() > TRACKS_MAX) {
			throw InvalidFormException.of("trackTitles",
					"must name 1 to " + TRACKS_MAX + " tracks, one per line (has " + titles.size() + ")");
		}
		if (titles.stream().anyMatch((title) -> title.length() > 200)) {
			throw InvalidFormException.of("trackTitles", "must hold titles of at most 200 characters each");
		}
		Instant now = this.clock.instant();
		this.plans.replace(community.id(),
				new YearPlan(Stage.YEAR_THREE, form.date("heldOn"), form.text("centralTopics"), null, null),
				task.userId(), now);
		int seq = this.jdbc.sql("select coalesce(max(seq), 0) from lc_impact_track where community_id = ?")
			.param(community.id())
			.query(Integer.class)
			.single();
		List<Long> ids = new ArrayList<>();
		for (String title : titles) {
			seq++;
			this.jdbc.sql("""
					insert into lc_impact_track (community_id, seq, title, status, created_at)
					values (?, ?, ?, 'PLANNING', ?)""")
				.params(community.id(), seq, title, Timestamp.from(now))
				.update();
			ids.add(this.jdbc.sql("select id from lc_impact_track where community_id = ? and seq = ?")
				.params(community.id(), seq)
				.query(Long.class)
				.single());
		}
		log.info("Community {} chose {} impact tracks", task.communityCode(), ids.size());
		return Map.of(YearThreeProcess.IMPACT_TRACKS_VARIABLE, ids);
	}

	// plan-impact-track
	// ------------------------------------------------------------------------------------------

	public Map<String, Object> planForm(TaskContext task) {
		Track track = track(task);
		Map<String, Object> values = context(track);
		values.put("communityMembers", Members.options(this.members.current(track.communityId())));
		List<String> leads = this.jdbc
			.sql("select candidate_id from lc_impact_track_member where impact_track_id = ? order by candidate_id")
			.param(track.id())
			.query((rs, n) -> Long.toString(rs.getLong(1)))
			.list();
		if (!leads.isEmpty()) {
			values.put("trackLeads", leads);
		}
		putIfSet(values, "trackKind", track.row().get("kind"));
		putIfSet(values, "trackGoal", track.row().get("goal"));
		putIfSet(values, "milestones", track.row().get("milestones"));
		putIfSet(values, "accompaniedBy", track.row().get("accompanied_by"));
		putIfSet(values, "accompanimentPlan", track.row().get("accompaniment_plan"));
		return values;
	}

	/**
	 * @throws InvalidFormException naming {@code trackLeads} with someone who is not a
	 * current member, {@code milestones} without a milestone
	 */
	public Map<String, Object> plan(TaskContext task, FormValues form) {
		Track track = track(task);
		List<String> leads = form.list("trackLeads");
		List<String> milestones = form.lines("milestones");
		List<FieldError> errors = new ArrayList<>();
		if (leads.isEmpty() || !Members.allAmong(leads, this.members.current(track.communityId()))) {
			errors.add(new FieldError("trackLeads", "must name at least one current member of the community"));
		}
		if (milestones.isEmpty()) {
			errors.add(new FieldError("milestones", "must name at least one milestone, one per line"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		this.jdbc.sql("delete from lc_impact_track_member where impact_track_id = ?").param(track.id()).update();
		for (String lead : leads) {
			this.jdbc.sql("insert into lc_impact_track_member (impact_track_id, candidate_id) values (?, ?)")
				.params(track.id(), Long.valueOf(lead))
				.update();
		}
		this.jdbc.sql("""
				update lc_impact_track set status = 'ACTIVE', kind = ?, goal = ?, milestones = ?, accompanied_by = ?,
				    accompaniment_plan = ?
				where id = ?""")
			.params(form.text("trackKind"), form.text("trackGoal"), String.join("\n", milestones),
					form.text("accompaniedBy"), form.text("accompanimentPlan"), track.id())
			.update();
		log.info("Impact track {} of community {} planned with {} milestones", track.id(), task.communityCode(),
				milestones.size());
		return Map.of();
	}

	// review-track-progress
	// --------------------------------------------------------------------------------------

	/** The track's milestones to tick, as reached at the last review. */
	public Map<String, Object> reviewForm(TaskContext task) {
		Track track = track(task);
		Map<String, Object> values = context(track);
		List<String> milestones = lines((String) track.row().get("milestones"));
		List<Map<String, Object>> options = new ArrayList<>();
		for (int i = 0; i < milestones.size(); i++) {
			options.add(Map.of("label", milestones.get(i), "value", Integer.toString(i + 1)));
		}
		values.put("trackMilestones", options);
		this.jdbc
			.sql("select reached_milestones from lc_impact_track_review where impact_track_id = ? order by id desc")
			.param(track.id())
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.filter((reached) -> reached != null && !reached.isBlank())
			.ifPresent((reached) -> values.put("reachedMilestones", List.of(reached.split(","))));
		return values;
	}

	/**
	 * @throws InvalidFormException naming {@code reachedMilestones} with a milestone the
	 * track does not have, {@code abandonReason} when the track is abandoned without one
	 */
	public Map<String, Object> review(TaskContext task, FormValues form) {
		Track track = track(task);
		List<String> reached = form.list("reachedMilestones");
		int milestones = lines((String) track.row().get("milestones")).size();
		String decision = form.text(ImpactTrackProcess.TRACK_DECISION);
		boolean abandoned = ImpactTrackProcess.TRACK_ABANDON.equals(decision);
		List<FieldError> errors = new ArrayList<>();
		if (!reached.stream()
			.allMatch((index) -> index.matches("\\d{1,3}") && Integer.parseInt(index) >= 1
					&& Integer.parseInt(index) <= milestones)) {
			errors.add(new FieldError("reachedMilestones", "may only tick the track's milestones"));
		}
		if (abandoned && form.text("abandonReason") == null) {
			errors.add(new FieldError("abandonReason", "is required when the track is abandoned"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into lc_impact_track_review (impact_track_id, reached_milestones, notes, decision, reviewed_by,
				    reviewed_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(track.id(), String.join(",", reached), form.text("progressNotes"), decision, task.userId(),
					Timestamp.from(now))
			.update();
		if (abandoned) {
			this.jdbc.sql("""
					update lc_impact_track set status = 'ABANDONED', abandon_reason = ?, closed_at = ? where id = ?""")
				.params(form.text("abandonReason"), Timestamp.from(now), track.id())
				.update();
			log.warn("Impact track {} of community {} abandoned", track.id(), task.communityCode());
		}
		return Map.of(ImpactTrackProcess.TRACK_DECISION, decision);
	}

	// record-track-outcome
	// ---------------------------------------------------------------------------------------

	public Map<String, Object> outcomeForm(TaskContext task) {
		Track track = track(task);
		Map<String, Object> values = context(track);
		putIfSet(values, "outcome", track.row().get("outcome"));
		putIfSet(values, "reach", track.row().get("reach"));
		putIfSet(values, "productType", track.row().get("product_type"));
		putIfSet(values, "product", track.row().get("product"));
		return values;
	}

	/**
	 * @throws InvalidFormException naming {@code product} when a product type is given
	 * without the product, {@code productType} when a product is given without its type
	 * (it is registered with the year summary by its type)
	 */
	public Map<String, Object> recordOutcome(TaskContext task, FormValues form) {
		Track track = track(task);
		if (form.text("productType") != null && form.text("product") == null) {
			throw InvalidFormException.of("product", "is required when a product type is given");
		}
		if (form.text("product") != null && form.text("productType") == null) {
			throw InvalidFormException.of("productType", "is required when a product is given");
		}
		this.jdbc.sql("""
				update lc_impact_track set status = 'COMPLETED', outcome = ?, reach = ?, product_type = ?, product = ?,
				    closed_at = ?
				where id = ?""")
			.params(form.text("outcome"), form.integer("reach"), form.text("productType"), form.text("product"),
					Timestamp.from(this.clock.instant()), track.id())
			.update();
		log.info("Impact track {} of community {} completed", track.id(), task.communityCode());
		return Map.of();
	}

	// reading
	// ----------------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<ImpactTrack> tracks(long communityId) {
		return this.jdbc.sql("select * from lc_impact_track where community_id = ? order by seq")
			.param(communityId)
			.query((rs, n) -> new ImpactTrack(rs.getLong("id"), rs.getInt("seq"), rs.getString("title"),
					rs.getString("status"), rs.getString("kind"), rs.getString("outcome"),
					rs.getObject("reach", Integer.class), rs.getString("product_type"), rs.getString("product"),
					rs.getString("abandon_reason")))
			.list();
	}

	/** One impact track as the API shows it. */
	public record ImpactTrack(long impactTrackId, int seq, String title, String status, String kind, String outcome,
			Integer reach, String productType, String product, String abandonReason) {
	}

	// helpers
	// ----------------------------------------------------------------------------------------------------

	private Track track(TaskContext task) {
		Object id = task.variable(YearThreeProcess.IMPACT_TRACK_ID);
		if (!(id instanceof Number number)) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no variable " + YearThreeProcess.IMPACT_TRACK_ID);
		}
		long communityId = this.communities.get(task.communityCode()).id();
		Map<String, Object> row = this.jdbc.sql("select * from lc_impact_track where id = ? and community_id = ?")
			.params(number.longValue(), communityId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"No impact track " + number + " in community " + task.communityCode()));
		return new Track(number.longValue(), communityId, row);
	}

	private static Map<String, Object> context(Track track) {
		Map<String, Object> values = new LinkedHashMap<>();
		String card = "מסלול · Track " + track.row().get("seq") + ": " + track.row().get("title");
		if (track.row().get("kind") != null) {
			card += "\nסוג · Kind: " + track.row().get("kind") + "\nמטרה · Goal: " + track.row().get("goal");
		}
		values.put("trackCard", card);
		return values;
	}

	private static void putIfSet(Map<String, Object> values, String key, Object value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	/** The milestones as stored: one per line. */
	private static List<String> lines(String stored) {
		return (stored == null) ? List.of() : stored.lines().toList();
	}

	private record Track(long id, long communityId, Map<String, Object> row) {
	}

}
