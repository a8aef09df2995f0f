package org.learningcommunities.lifecycle.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityRepository;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.ForumsService;
import org.learningcommunities.lifecycle.community.ForumsService.ForumMember;
import org.learningcommunities.lifecycle.community.ForumsService.Forums;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.community.Stage;
import org.learningcommunities.lifecycle.impact.ImpactTrackService.ImpactTrack;
import org.learningcommunities.lifecycle.workteams.WorkTeamService;
import org.learningcommunities.lifecycle.workteams.WorkTeamService.WorkTeam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A community's three years as they are read back, during the lifecycle and after it is
 * {@code COMPLETED}: each year's summary, its forums and the knowledge products
 * registered with its summary ({@code lc_product}: what the meetings, the work teams and
 * the impact tracks produced, and the others), the teams of year two, the tracks of year
 * three, and the farewell.
 */
@Service
@Transactional(readOnly = true)
public class YearsService {

	static final List<Stage> YEARS = List.of(Stage.YEAR_ONE, Stage.YEAR_TWO, Stage.YEAR_THREE);

	private final CommunityRepository communities;

	private final CommunityService products;

	private final ForumsService forums;

	private final WorkTeamService workTeams;

	private final ImpactTrackService impactTracks;

	private final JdbcClient jdbc;

	YearsService(CommunityRepository communities, CommunityService products, ForumsService forums,
			WorkTeamService workTeams, ImpactTrackService impactTracks, JdbcClient jdbc) {
		this.communities = communities;
		this.products = products;
		this.forums = forums;
		this.workTeams = workTeams;
		this.impactTracks = impactTracks;
		this.jdbc = jdbc;
	}

	/** The community's years, or empty for an unknown code. */
	public Optional<Years> years(String code) {
		return this.communities.findByCode(code).map(this::years);
	}

	private Years years(Community community) {
		List<Product> products = this.products.products(community.code());
		List<WorkTeam> teams = this.workTeams.teams(community.id());
		List<ImpactTrack> tracks = this.impactTracks.tracks(community.id());
		List<Year> years = new ArrayList<>();
		for (Stage stage : YEARS) {
			years.add(new Year(stage, summary(community.id(), stage),
					YearForums.of(this.forums.forums(community.id(), stage)),
					products.stream().filter((product) -> product.stage() == stage).map(KnowledgeProduct::of).toList(),
					(stage == Stage.YEAR_TWO) ? teams : null, (stage == Stage.YEAR_THREE) ? tracks : null));
		}
		return new Years(community.code(), community.stage(), years, farewell(community.id()).orElse(null));
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
	 * @param forums the leading core and advisory committee chosen for the year
	 * @param knowledgeProducts registered with the year's summary ({@code lc_product})
	 * @param workTeams year two only
	 * @param impactTracks year three only
	 */
	public record Year(Stage stage, Summary summary, YearForums forums, List<KnowledgeProduct> knowledgeProducts,
			List<WorkTeam> workTeams, List<ImpactTrack> impactTracks) {
	}

	/**
	 * @param leadingCore the members' names
	 * @param advisoryCommittee the names as the leader wrote them
	 */
	public record YearForums(List<String> leadingCore, List<String> advisoryCommittee) {

		static YearForums of(Forums forums) {
			return new YearForums(forums.leadingCore().stream().map(ForumMember::name).toList(),
					forums.advisoryCommittee().stream().map(ForumMember::name).toList());
		}

	}

	public record Summary(String evaluationResults, String communitySummary, String nextYearGoals) {
	}

	/**
	 * A product registered with a year summary.
	 *
	 * @param source {@code meeting}, {@code work-team}, {@code impact-track} or
	 * {@code other}
	 */
	public record KnowledgeProduct(Stage stage, String source, String title, String type, String description) {

		static KnowledgeProduct of(Product product) {
			return new KnowledgeProduct(product.stage(), product.source().value(), product.title(),
					product.productType(), product.description());
		}

	}

	public record Farewell(LocalDate farewellDay, String eventPlan, String personalIntrospection,
			String groupIntrospection, String finalEvaluation, String productsSummary) {
	}

}
