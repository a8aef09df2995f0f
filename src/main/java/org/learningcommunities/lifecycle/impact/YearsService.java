package org.learningcommunities.lifecycle.impact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.CommunityRepository.StageRecord;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.impact.ImpactTrackService.ImpactTrack;
import org.learningcommunities.lifecycle.workteams.WorkTeamService;
import org.learningcommunities.lifecycle.workteams.WorkTeamService.WorkTeam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's three years as they are read back, during the lifecycle and after it is
 * {@code COMPLETED}: each year's summary and its knowledge products (what the meetings,
 * the work teams and the impact tracks produced), the teams of year two, the tracks of
 * year three, and the farewell.
 */
@Service
@Transactional(readOnly = true)
public class YearsService {

	static final ZoneId ZONE = ZoneId.of("Asia/Jerusalem");

	static final List<Stage> YEARS = List.of(Stage.YEAR_ONE, Stage.YEAR_TWO, Stage.YEAR_THREE);

	private final CommunityRepository communities;

	private final WorkTeamService workTeams;

	private final ImpactTrackService impactTracks;

	private final JdbcClient jdbc;

	YearsService(CommunityRepository communities, WorkTeamService workTeams, ImpactTrackService impactTracks,
			JdbcClient jdbc) {
		this.communities = communities;
		this.workTeams = workTeams;
		this.impactTracks = impactTracks;
		this.jdbc = jdbc;
	}

	/** The community's years, or empty for an unknown code. */
	public Optional<Years> years(String code) {
		return this.communities.findByCode(code).map(this::years);
	}

	private Years years(Community community) {
		List<KnowledgeProduct> products = knowledgeProducts(community);
		List<WorkTeam> teams = this.workTeams.teams(community.id());
		List<ImpactTrack> tracks = this.impactTracks.tracks(community.id());
		List<Year> years = new ArrayList<>();
		for (Stage stage : YEARS) {
			years.add(new Year(stage, summary(community.id(), stage),
					products.stream().filter((product) -> product.stage() == stage).toList(),
					(stage == Stage.YEAR_TWO) ? teams : null, (stage == Stage.YEAR_THREE) ? tracks : null));
		}
		return new Years(community.code(), community.stage(), years, farewell(community.id()).orElse(null));
	}

	/**
	 * Every knowledge product of the community, in the year it belongs to: a held
	 * meeting's product in the year the community was in on the meeting's day, a work
	 * team's product in year two, an impact track's in year three.
	 */
	public List<KnowledgeProduct> knowledgeProducts(Community community) {
		List<StageRecord> history = this.communities.stageHistory(community.id());
		List<KnowledgeProduct> products = new ArrayList<>();
		this.jdbc.sql("""
				select meeting_date, topic, knowledge_product, product_type from lc_meeting
				where community_id = ? and status = 'HELD' and knowledge_product is not null
				order by meeting_date, seq""").param(community.id()).query((rs, n) -> {
			LocalDate day = rs.getObject("meeting_date", LocalDate.class);
			return new KnowledgeProduct(yearOn(day, history), "meeting", rs.getString("topic"),
					rs.getString("product_type"), day, null, rs.getString("knowledge_product"));
		}).list().forEach(products::add);
		for (WorkTeam team : this.workTeams.teams(community.id())) {
			if (team.productTitle() != null) {
				products.add(new KnowledgeProduct(Stage.YEAR_TWO, "work-team", team.productTitle(), team.productType(),
						team.presentedOn(), team.status(), team.finalProduct()));
			}
		}
		for (ImpactTrack track : this.impactTracks.tracks(community.id())) {
			if (track.product() != null) {
				products.add(new KnowledgeProduct(Stage.YEAR_THREE, "impact-track", track.title(), track.productType(),
						null, track.status(), track.product()));
			}
		}
		return products;
	}

	/**
	 * The year the community was in at the start of the day; a day before year one counts
	 * in year one, a day after year three in year three.
	 */
	private static Stage yearOn(LocalDate day, List<StageRecord> history) {
		Instant at = day.plusDays(1).atStartOfDay(ZONE).toInstant();
		Stage stage = Stage.YEAR_ONE;
		for (StageRecord record : history) {
			if (record.enteredAt().isBefore(at) && YEARS.contains(record.stage())) {
				stage = record.stage();
			}
		}
		return stage;
	}

	private Summary summary(long communityId, Stage stage) {
		return this.jdbc.sql("select * from lc_year_summary where community_id = ? and stage = ?")
			.params(communityId, stage.name())
			.query((rs, n) -> new Summary(rs.getString("evaluation_results"), rs.getString("community_summary"),
					rs.getString("next_year_goals")))
			.optional()
			.orElse(null);
	}

	Optional<Farewell> farewell(long communityId) {
		return this.jdbc.sql("select * from lc_farewell where community_id = ?")
			.param(communityId)
			.query((rs, n) -> new Farewell(rs.getObject("farewell_day", LocalDate.class), rs.getString("event_plan"),
					rs.getString("personal_introspection"), rs.getString("group_introspection"),
					rs.getString("final_evaluation"), rs.getString("products_summary")))
			.optional();
	}

	public record Years(String code, Stage stage, List<Year> years, Farewell farewell) {
	}

	/**
	 * @param workTeams year two only
	 * @param impactTracks year three only
	 */
	public record Year(Stage stage, Summary summary, List<KnowledgeProduct> knowledgeProducts, List<WorkTeam> workTeams,
			List<ImpactTrack> impactTracks) {
	}

	public record Summary(String evaluationResults, String communitySummary, String nextYearGoals) {
	}

	/**
	 * @param source {@code meeting}, {@code work-team} or {@code impact-track}
	 * @param status the team's or track's status; none for a meeting's product
	 */
	public record KnowledgeProduct(Stage stage, String source, String title, String type, LocalDate date, String status,
			String content) {
	}

	public record Farewell(LocalDate farewellDay, String eventPlan, String personalIntrospection,
			String groupIntrospection, String finalEvaluation, String productsSummary) {
	}

}
