package org.learningcommunities.lifecycle.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.CommunitySize;
import org.learningcommunities.lifecycle.community.YearOneProcess;
import org.learningcommunities.lifecycle.recruitment.CohortCheck.Decision;
import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.InvalidFormException;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohort of a community: its admissions still open, the admitted group measured
 * against the agreed mix, the mix check recorded, and the leader's decision on it. Reads
 * the candidates ({@code lc_candidate}) and the agreed mix ({@code lc_community_mix})
 * with small queries of its own.
 */
@Service
@Transactional
public class CohortService {

	private static final Logger log = LoggerFactory.getLogger(CohortService.class);

	/** {@code lc_candidate.gender} of women and of men. */
	static final String WOMAN = "female";

	static final String MAN = "male";

	private static final String NONE = "אין · none";

	/** confirm-cohort's fields when the leader lowers the target size. */
	static final String LOWER_TARGET_SIZE = "lowerTargetSize";

	static final String TARGET_REASON = "targetReason";

	private final CommunityService communities;

	private final CallRepository calls;

	private final CohortCheckRepository checks;

	private final JdbcClient jdbc;

	private final CommunitySize size;

	private final Clock clock;

	CohortService(CommunityService communities, CallRepository calls, CohortCheckRepository checks, JdbcClient jdbc,
			CommunitySize size, Clock clock) {
		this.size = size;
		this.communities = communities;
		this.calls = calls;
		this.checks = checks;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Candidates of the community whose admission is not decided yet. */
	public int countOpenAdmissions(String communityCode) {
		return this.jdbc.sql("""
				select count(*) from lc_candidate
				where community_id = ? and status in ('APPLIED', 'INTERVIEW')""")
			.param(this.communities.get(communityCode).id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Every admitted member, over every round, against the mix agreed in establishment.
	 */
	public CohortMeasure measure(String communityCode) {
		return measure(this.communities.get(communityCode));
	}

	private CohortMeasure measure(Community community) {
		Mix mix = mix(community.id());
		List<Member> admitted = this.jdbc.sql("""
				select region, sector, gender, seniority_years from lc_candidate
				where community_id = ? and status = 'ADMITTED'""")
			.param(community.id())
			.query((rs, n) -> new Member(rs.getString("region"), rs.getString("sector"), rs.getString("gender"),
					rs.getObject("seniority_years", Integer.class)))
			.list();
		int count = admitted.size();
		long women = admitted.stream().filter((member) -> WOMAN.equals(member.gender())).count();
		long men = admitted.stream().filter((member) -> MAN.equals(member.gender())).count();
		List<String> missingRegions = mix.regions()
			.stream()
			.filter((region) -> admitted.stream().noneMatch((member) -> region.equals(member.region())))
			.toList();
		List<String> missingSectors = mix.sectors()
			.stream()
			.filter((sector) -> admitted.stream().noneMatch((member) -> sector.equals(member.sector())))
			.toList();
		int juniors = (int) admitted.stream()
			.filter((member) -> member.seniorityYears() != null && member.seniorityYears() < mix.minSeniorityYears())
			.count();
		return new CohortMeasure(count, community.targetSize(), share(women, count), share(men, count),
				mix.minShareEachGenderPct(), missingRegions, missingSectors, juniors, mix.minSeniorityYears());
	}

	private static int share(long part, int whole) {
		return (whole == 0) ? 0 : (int) (part * 100 / whole);
	}

	/** Records what the mix check found for the round that just closed. */
	public void recordMixCheck(String communityCode, List<String> shortfalls) {
		Community community = this.communities.get(communityCode);
		int round = this.calls.latest(community.id())
			.orElseThrow(() -> new IllegalStateException("No call for community " + communityCode))
			.round();
		int admitted = measure(community).admittedCount();
		Optional<CohortCheck> sameRound = this.checks.latest(community.id()).filter((check) -> check.round() == round);
		if (sameRound.isPresent()) {
			// checked again after the leader lowered the target
			this.checks.recheck(sameRound.get().id(), admitted, shortfalls, this.clock.instant());
		}
		else {
			this.checks.insert(community.id(), round, admitted, shortfalls, this.clock.instant());
		}
		log.info("Mix check of community {} after round {}: {} shortfalls", communityCode, round, shortfalls.size());
	}

	// confirm-cohort
	// ---------------------------------------------------------------------------------------------

	/** The cohort as it stands, and the shortfalls the mix check listed. */
	public Map<String, Object> confirmCohortForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Optional<CohortCheck> check = this.checks.latest(community.id());
		String shortfalls = check.map(CohortCheck::shortfalls)
			.filter((list) -> !list.isEmpty())
			.map((list) -> String.join("\n", list))
			.orElse(NONE);
		return Map.of("cohortSummary",
				summary(measure(community), check.map(CohortCheck::round).orElse(0), this.size.range()),
				"cohortShortfalls", shortfalls);
	}

	/**
	 * The leader's decision on the cohort. A cohort too small for the leading core can be
	 * neither confirmed nor kept with a lower target: the community could never choose
	 * its forums, so the form says so and leaves reopening recruitment as the way on.
	 * @throws InvalidFormException naming {@code cohortDecision}, {@code lowerTargetSize}
	 * or {@code targetReason}; nothing is stored then
	 */
	public Map<String, Object> confirmCohort(TaskContext task, FormValues form) {
		String decision = form.text(YearOneProcess.COHORT_DECISION);
		Community community = this.communities.get(task.communityCode());
		CohortCheck check = this.checks.latest(community.id())
			.filter((latest) -> latest.decision() == null)
			.orElseThrow(() -> new IllegalStateException("No cohort check to decide for " + task.communityCode()));
		boolean lowerTarget = YearOneProcess.COHORT_LOWER_TARGET.equals(decision);
		if (!YearOneProcess.COHORT_REOPEN.equals(decision)) {
			int admitted = measure(community).admittedCount();
			if (admitted < CommunitySize.LEADING_CORE_MIN) {
				throw InvalidFormException.of(YearOneProcess.COHORT_DECISION,
						"הרכב של " + admitted + " חברים אינו יכול להמשיך: לגרעין המוביל דרושים לפחות "
								+ CommunitySize.LEADING_CORE_MIN + " חברים שהתקבלו. בחרו סבב גיוס נוסף. · A cohort of "
								+ admitted + " cannot go on: the leading core needs at least "
								+ CommunitySize.LEADING_CORE_MIN + " admitted members. Choose to reopen recruitment.");
			}
		}
		if (lowerTarget) {
			lowerTarget(task, form, community);
		}
		this.checks.decide(check.id(), switch (decision) {
			case YearOneProcess.COHORT_REOPEN -> Decision.REOPENED;
			case YearOneProcess.COHORT_LOWER_TARGET -> Decision.TARGET_LOWERED;
			default -> Decision.CONFIRMED;
		}, form.text("cohortNotes"), task.userId(), this.clock.instant());
		log.info("Cohort of community {} after round {}: {} (task {})", task.communityCode(), check.round(), decision,
				task.taskKey());
		return Map.of(YearOneProcess.COHORT_DECISION, decision);
	}

	private void lowerTarget(TaskContext task, FormValues form, Community community) {
		Integer newSize = form.integer(LOWER_TARGET_SIZE);
		String reason = form.text(TARGET_REASON);
		List<FieldError> errors = new ArrayList<>();
		if (newSize == null || newSize < CommunitySize.LEADING_CORE_MIN || newSize >= community.targetSize()) {
			errors.add(new FieldError(LOWER_TARGET_SIZE,
					"גודל היעד החדש: " + CommunitySize.LEADING_CORE_MIN + " עד " + (community.targetSize() - 1)
							+ " (פחות מהיעד הנוכחי, " + community.targetSize() + ") · the new target size must be "
							+ CommunitySize.LEADING_CORE_MIN + " to " + (community.targetSize() - 1)
							+ " (below the current target, " + community.targetSize() + ")"));
		}
		if (reason == null || reason.isBlank()) {
			errors.add(
					new FieldError(TARGET_REASON, "נדרש נימוק להורדת היעד · a reason is required to lower the target"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFormException(errors);
		}
		this.communities.lowerTargetSize(task.communityCode(), newSize, reason.strip(), task.userId());
	}

	private static String summary(CohortMeasure cohort, int rounds, String sizeRange) {
		List<String> lines = new ArrayList<>();
		lines.add("התקבלו · Admitted: " + cohort.admittedCount() + " (יעד · target " + cohort.targetSize() + ", "
				+ sizeRange + "; לפחות · at least " + CommunitySize.LEADING_CORE_MIN + ")");
		lines.add("נשים · Women: " + cohort.womenSharePct() + "%, גברים · Men: " + cohort.menSharePct()
				+ "% (מינימום לכל מגדר · minimum each: " + cohort.minShareEachGenderPct() + "%)");
		lines.add("אזורים ללא חברים · Regions with no member: " + listed(cohort.missingRegions()));
		lines.add("מגזרים ללא חברים · Sectors with no member: " + listed(cohort.missingSectors()));
		lines.add("מתחת לוותק המינימלי · Below the minimum seniority (" + cohort.minSeniorityYears() + "): "
				+ cohort.juniorCount());
		lines.add("סבבי קול קורא · Rounds of the call: " + rounds);
		return String.join("\n", lines);
	}

	private static String listed(List<String> items) {
		return items.isEmpty() ? NONE : String.join(", ", items);
	}

	/** The agreed mix; a community without one (not yet defined) asks for nothing. */
	private Mix mix(long communityId) {
		return this.jdbc.sql("""
				select min_seniority_years, min_share_each_gender_pct, sectors, regions
				from lc_community_mix where community_id = ?""")
			.param(communityId)
			.query((rs, n) -> new Mix(rs.getInt("min_seniority_years"), rs.getInt("min_share_each_gender_pct"),
					words(rs.getString("sectors")), words(rs.getString("regions"))))
			.optional()
			.orElse(new Mix(0, 0, List.of(), List.of()));
	}

	/** A checklist as establishment stores it: comma-separated kebab-case words. */
	private static List<String> words(String stored) {
		return (stored == null || stored.isBlank()) ? List.of() : Arrays.asList(stored.split(","));
	}

	private record Mix(int minSeniorityYears, int minShareEachGenderPct, List<String> sectors, List<String> regions) {
	}

	private record Member(String region, String sector, String gender, Integer seniorityYears) {
	}

}
