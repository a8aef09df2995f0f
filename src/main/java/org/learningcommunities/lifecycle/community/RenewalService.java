package org.learningcommunities.lifecycle.community;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal of the members at the start of years two and three (חידוש משתתפים, guide
 * p.71): each member continues or leaves, and a member who leaves is said farewell to,
 * with the reason recorded ({@code lc_member_departure}); from then on the member is
 * {@code LEFT} and counts no more (forums, teams, tracks, the mix check of a new round).
 */
@Service
@Transactional
public class RenewalService {

	private static final Logger log = LoggerFactory.getLogger(RenewalService.class);

	static final String LEAVING_MEMBERS_FIELD = RenewalProcess.LEAVING_MEMBERS;

	/**
	 * The answer of renew-membership's "Recruit new members?" that reopens recruitment.
	 */
	static final String RECRUIT_YES = "yes";

	private final CommunityService communities;

	private final Members members;

	private final JdbcClient jdbc;

	private final Clock clock;

	RenewalService(CommunityService communities, Members members, JdbcClient jdbc, Clock clock) {
		this.communities = communities;
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// renew-membership
	// -------------------------------------------------------------------------------------------

	/** The current members to mark as leaving. */
	public Map<String, Object> renewMembershipForm(TaskContext task) {
		Map<Long, String> current = this.members.current(this.communities.get(task.communityCode()).id());
		return Map.of("currentMembers", Members.options(current), "memberCount", current.size());
	}

	/**
	 * @return who leaves (the collection of {@code farewell-member}) and whether
	 * recruitment reopens
	 * @throws InvalidFormException naming {@code leavingMembers} when it names someone
	 * who is not a current member, and {@code recruitNewMembers} when too few members
	 * would be left for the leading core without recruiting
	 */
	public Map<String, Object> renewMembership(TaskContext task, FormValues form) {
		Community community = this.communities.get(task.communityCode());
		List<String> leaving = form.list(LEAVING_MEMBERS_FIELD);
		Map<Long, String> current = this.members.current(community.id());
		if (!Members.allAmong(leaving, current)) {
			throw InvalidFormException.of(LEAVING_MEMBERS_FIELD, "may only name current members of this community");
		}
		boolean recruit = RECRUIT_YES.equals(form.text(RenewalProcess.RECRUIT_NEW_MEMBERS));
		int continuing = current.size() - (int) leaving.stream().distinct().count();
		if (!recruit && continuing < CommunitySize.LEADING_CORE_MIN) {
			// the year's forums are chosen right after the renewal: with fewer members
			// than
			// the leading core needs, choose-forums could never be completed
			throw InvalidFormException.of(RenewalProcess.RECRUIT_NEW_MEMBERS,
					"ממשיכים רק " + continuing + " חברים, ולגרעין המוביל דרושים לפחות " + CommunitySize.LEADING_CORE_MIN
							+ ": ענו \"כן\" לגיוס חברים חדשים, או השאירו יותר חברים · only " + continuing
							+ " members continue and the leading core needs at least " + CommunitySize.LEADING_CORE_MIN
							+ ": answer yes to recruit new members, or keep more members");
		}
		log.info("Renewal of community {} in {}: {} leaving, recruitment {}", task.communityCode(), community.stage(),
				leaving.size(), recruit ? "reopens" : "stays closed");
		Map<String, Object> decisions = new LinkedHashMap<>();
		decisions.put(RenewalProcess.LEAVING_MEMBERS, new ArrayList<>(leaving));
		decisions.put(RenewalProcess.RECRUIT_NEW_MEMBERS, recruit);
		return decisions;
	}

	// farewell-member
	// --------------------------------------------------------------------------------------------

	/** The leaving member's name, and what was recorded for them already. */
	public Map<String, Object> farewellForm(TaskContext task) {
		long memberId = memberId(task);
		Map<String, Object> values = new LinkedHashMap<>();
		this.jdbc.sql("select full_name, authority from lc_candidate where id = ?")
			.param(memberId)
			.query((rs, n) -> rs.getString("full_name") + " · " + rs.getString("authority"))
			.optional()
			.ifPresent((name) -> values.put("memberName", name));
		this.jdbc.sql("select reason, farewell_notes from lc_member_departure where candidate_id = ?")
			.param(memberId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.ifPresent((row) -> {
				values.put("leaveReason", row.get("reason"));
				if (row.get("farewell_notes") != null) {
					values.put("farewellNotes", row.get("farewell_notes"));
				}
			});
		return values;
	}

	/** Records the departure: the member is {@code LEFT} from now on. */
	public Map<String, Object> sayFarewell(TaskContext task, FormValues form) {
		Community community = this.communities.get(task.communityCode());
		long memberId = memberId(task);
		String reason = form.text("leaveReason");
		this.jdbc.sql("delete from lc_member_departure where candidate_id = ?").param(memberId).update();
		this.jdbc.sql("""
				insert into lc_member_departure (candidate_id, community_id, stage, reason, farewell_notes, recorded_by,
				    recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(memberId, community.id(), community.stage().name(), reason, form.text("farewellNotes"),
					task.userId(), Timestamp.from(this.clock.instant()))
			.update();
		int updated = this.jdbc
			.sql("update lc_candidate set status = 'LEFT', status_reason = ? where id = ? and community_id = ?")
			.params(reason, memberId, community.id())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("No member " + memberId + " in community " + task.communityCode());
		}
		log.info("Member {} of community {} left in {}", memberId, task.communityCode(), community.stage());
		return Map.of();
	}

	private static long memberId(TaskContext task) {
		Object id = task.variable(RenewalProcess.MEMBER_ID);
		if (id == null || !id.toString().matches("\\d{1,18}")) {
			throw new IllegalStateException("Task " + task.taskKey() + " of community " + task.communityCode()
					+ " has no variable " + RenewalProcess.MEMBER_ID);
		}
		return Long.parseLong(id.toString());
	}

}
