package org.learningcommunities.lifecycle.impact;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.learningcommunities.lifecycle.community.Community;
import org.learningcommunities.lifecycle.community.CommunityService;
import org.learningcommunities.lifecycle.community.Product;
import org.learningcommunities.lifecycle.system.FormValues;
import org.learningcommunities.lifecycle.system.TaskContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The farewell that closes the three years (תהליך סיכום פרידה, guide p.71): the event,
 * personal and group introspection, the final evaluation results and the products of the
 * three years ({@code lc_farewell}).
 */
@Service
@Transactional
public class FarewellService {

	private static final Logger log = LoggerFactory.getLogger(FarewellService.class);

	private final CommunityService communities;

	private final YearsService years;

	private final JdbcClient jdbc;

	private final Clock clock;

	FarewellService(CommunityService communities, YearsService years, JdbcClient jdbc, Clock clock) {
		this.communities = communities;
		this.years = years;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The farewell as recorded; before that, the products of the three years listed to
	 * start the summary from.
	 */
	public Map<String, Object> farewellForm(TaskContext task) {
		Community community = this.communities.get(task.communityCode());
		Map<String, Object> values = new LinkedHashMap<>();
		this.years.farewell(community.id()).ifPresentOrElse((farewell) -> {
			values.put("farewellDay", farewell.farewellDay().toString());
			values.put("eventPlan", farewell.eventPlan());
			values.put("personalIntrospection", farewell.personalIntrospection());
			values.put("groupIntrospection", farewell.groupIntrospection());
			values.put("finalEvaluation", farewell.finalEvaluation());
			values.put("productsSummary", farewell.productsSummary());
		}, () -> {
			List<Product> products = this.communities.productsSoFar(community.code());
			if (!products.isEmpty()) {
				values.put("productsSummary", String.join("\n", products.stream().map(FarewellService::line).toList()));
			}
		});
		return values;
	}

	public Map<String, Object> holdFarewell(TaskContext task, FormValues form) {
		long communityId = this.communities.get(task.communityCode()).id();
		this.jdbc.sql("delete from lc_farewell where community_id = ?").param(communityId).update();
		this.jdbc.sql("""
				insert into lc_farewell (community_id, farewell_day, event_plan, personal_introspection,
				    group_introspection, final_evaluation, products_summary, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(communityId, form.date("farewellDay"), form.text("eventPlan"), form.text("personalIntrospection"),
					form.text("groupIntrospection"), form.text("finalEvaluation"), form.text("productsSummary"),
					task.userId(), Timestamp.from(this.clock.instant()))
			.update();
		log.info("Farewell of community {} recorded", task.communityCode());
		return Map.of();
	}

	private static String line(Product product) {
		return "[" + product.stage() + "] " + product.source().value() + ": " + product.title() + " ("
				+ product.productType() + ")";
	}

}
