package org.learningcommunities.lifecycle.community;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year one's accompanying forums and first meeting (guide p.46, p.70): the leading core
 * chosen among the admitted members, the advisory committee named by the leader, and the
 * topics and learning norms of the first meeting.
 */
@Service
@Transactional
public class ForumsService {

	private static final Logger log = LoggerFactory.getLogger(ForumsService.class);

	static final int LEADING_CORE_MIN = CommunitySize.LEADING_CORE_MIN;

	static final int LEADING_CORE_MAX = 10;

	static final int ADVISORY_COMMITTEE_MIN = 5;

	static final int ADVISORY_COMMITTEE_MAX = 7;

	private final CommunityService communities;

	private final Members members;

	private final JdbcClient jdbc;

	private final Clock clock;

	ForumsService(CommunityService communities, Members members, JdbcClient jdbc, Clock clock) {
		this.communities = communities;
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The admitted members to choose from, and the forums as last chosen: this year's, or
	 * at a renewal the previous year's, to start from (a member who left is not offered
	 * again).
	 */
	public Map<String, Object> forumsForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Map<Long, String> current = this.members.current(community.id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("admittedMembers", Members.options(current));
		Optional<Stage> latest = this.jdbc
			.sql("select stage from lc_forum_member where community_id = ? order by chosen_at desc, id desc")
			.param(community.id())
			.query((rs, n) -> Stage.valueOf(rs.getString(1)))
			.list()
			.stream()
			.findFirst();
		latest.map((stage) -> forums(community.id(), stage)).ifPresent((forums) -> {
			List<String> core = forums.leadingCore()
				.stream()
				.map(ForumMember::candidateId)
				.filter(current::containsKey)
				.map(String::valueOf)
				.toList();
			if (!core.isEmpty()) {
				values.put("leadingCore", core);
			}
			if (!forums.advisoryCommittee().isEmpty()) {
				values.put("advisoryCommittee",
						String.join("\n", forums.advisoryCommittee().stream().map(ForumMember::name).toList()));
			}
		});
		return values;
	}

	/** The forums chosen for a year; empty lists when none were. */
	@Transactional(readOnly = true)
	public Forums forums(long communityId, Stage stage) {
		List<ForumMember> core = new ArrayList<>();
		List<ForumMember> committee = new ArrayList<>();
		this.jdbc.sql("select * from lc_forum_member where community_id = ? and stage = ? order by id")
			.params(communityId, stage.name())
			.query((rs) -> {
				ForumMember member = new ForumMember(rs.getObject("candidate_id", Long.class),
						rs.getString("member_name"));
				("LEADING_CORE".equals(rs.getString("forum")) ? core : committee).add(member);
			});
		return new Forums(core, committee);
	}

	public Map<String, Object> chooseForums(TaskContext task, FormValues form) {
		long communityId = this.communities.get(task.communityCode()).id();
		Map<Long, String> admitted = this.members.current(communityId);
		List<String> core = form.list("leadingCore");
		List<String> committee = form.lines("advisoryCommittee");
		List<FieldError> errors = new ArrayList<>();
		if (core.size() < LEADING_CORE_MIN || core.size() > LEADING_CORE_MAX) {
			errors.add(new FieldError("leadingCore", "must name " + LEADING_CORE_MIN + " to " + LEADING_CORE_MAX
					+ " members (has " + core.size() + ")"));
		}
		else if (!Members.allAmong(core, admitted)) {
			errors.add(new FieldError("leadingCore", "may only name admitted members of this community"));
		}
		if (committee.size() < ADVISORY_COMMITTEE_MIN || committee.size() > ADVISORY_COMMITTEE_MAX) {
			errors.add(new FieldError("advisoryCommittee", "must name " + ADVISORY_COMMITTEE_MIN + " to "
					+ ADVISORY_COMMITTEE_MAX + " people, one per line (has " + committee.size() + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		Instant now = this.clock.instant();
		// each year keeps its own choice: a renewal adds the new year's forums, and only
		// choosing again in the same year replaces them
		Stage year = this.communities.get(task.communityCode()).stage();
		this.jdbc.sql("delete from lc_forum_member where community_id = ? and stage = ?")
			.params(communityId, year.name())
			.update();
		for (String id : core) {
			insertMember(communityId, year, "LEADING_CORE", Long.valueOf(id), admitted.get(Long.valueOf(id)),
					task.userId(), now);
		}
		for (String name : committee) {
			insertMember(communityId, year, "ADVISORY_COMMITTEE", null, name, task.userId(), now);
		}
		log.info("Forums of community {} chosen for {}: leading core {}, advisory committee {}", task.communityCode(),
				year, core.size(), committee.size());
		return Map.of();
	}

	public Map<String, Object> firstMeetingForm(TaskContext task) {
		return this.jdbc.sql("select * from lc_first_meeting where community_id = ?")
			.param(this.communities.get(task.communityCode()).id())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.<Map<String, Object>>map(
					(row) -> Map.of("heldOn", row.get("held_on").toString(), "topicRanking", row.get("topic_ranking"),
							"chosenTopics", row.get("chosen_topics"), "learningNorms", row.get("learning_norms")))
			.orElseGet(Map::of);
	}

	public Map<String, Object> recordFirstMeeting(TaskContext task, FormValues form) {
		long communityId = this.communities.get(task.communityCode()).id();
		this.jdbc.sql("delete from lc_first_meeting where community_id = ?").param(communityId).update();
		this.jdbc.sql("""
				insert into lc_first_meeting (community_id, held_on, topic_ranking, chosen_topics, learning_norms,
				    recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, form.date("heldOn"), form.text("topicRanking"), form.text("chosenTopics"),
					form.text("learningNorms"), task.userId(), Timestamp.from(this.clock.instant()))
			.update();
		log.info("First meeting of community {} recorded", task.communityCode());
		return Map.of();
	}

	private void insertMember(long communityId, Stage year, String forum, Long candidateId, String name, String by,
			Instant at) {
		this.jdbc.sql("""
				insert into lc_forum_member (community_id, stage, forum, candidate_id, member_name, chosen_by,
				    chosen_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, year.name(), forum, candidateId, name, by, Timestamp.from(at))
			.update();
	}

	/**
	 * A year's leading core (members, with their candidate id) and advisory committee.
	 */
	public record Forums(List<ForumMember> leadingCore, List<ForumMember> advisoryCommittee) {
	}

	/**
	 * @param candidateId the member's, for the leading core; none for the advisory
	 * committee
	 */
	public record ForumMember(Long candidateId, String name) {
	}

}
