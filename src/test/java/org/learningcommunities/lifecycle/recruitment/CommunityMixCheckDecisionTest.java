package org.learningcommunities.lifecycle.recruitment;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.learningcommunities.lifecycle.community.YearOneProcess.ADMITTED_COUNT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.JUNIOR_COUNT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MEN_SHARE_PCT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MIN_SHARE_EACH_GENDER_PCT;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MISSING_REGIONS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MISSING_SECTORS;
import static org.learningcommunities.lifecycle.community.YearOneProcess.MIX_CHECK_DECISION;
import static org.learningcommunities.lifecycle.community.YearOneProcess.SHORTFALL;
import static org.learningcommunities.lifecycle.community.YearOneProcess.TARGET_SIZE;
import static org.learningcommunities.lifecycle.community.YearOneProcess.WOMEN_SHARE_PCT;

/**
 * The decision table {@code processes/community-mix-check.dmn} on the standalone DMN
 * engine: one case per rule, from a balanced cohort that has no shortfall. Each case
 * changes one input and expects exactly that rule's shortfall.
 */
class CommunityMixCheckDecisionTest {

	private static final String RESOURCE = "processes/" + MIX_CHECK_DECISION + ".dmn";

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parseTheDecision() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream dmn = new ClassPathResource(RESOURCE).getInputStream()) {
			decision = engine.parseDecision(MIX_CHECK_DECISION, dmn);
		}
	}

	@Test
	void decisionIsACollectTableNamedAfterItsFile() {
		assertThat(decision.getKey()).isEqualTo(MIX_CHECK_DECISION);
		assertThat(decision.isDecisionTable()).isTrue();
	}

	@Test
	void balancedCohortHasNoShortfall() {
		assertThat(shortfalls(balanced())).isEmpty();
	}

	@Test
	void cohortOfThirtyToFortyWithinFiveOfTheTargetHasNoShortfall() {
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 30))).isEmpty();
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 40))).isEmpty();
	}

	@Test
	void fewerThanThirtyMembersIsAShortfall() {
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 29, TARGET_SIZE, 30)))
			.containsExactly("פחות מ-30 חברים · Fewer than 30 members");
	}

	@Test
	void moreThanFortyMembersIsAShortfall() {
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 41))).containsExactly("יותר מ-40 חברים · More than 40 members");
	}

	@Test
	void moreThanFiveBelowTheTargetSizeIsAShortfall() {
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 34, TARGET_SIZE, 40)))
			.containsExactly("הרבה מתחת לגודל היעד · Well below the target size");
		assertThat(shortfalls(balanced(ADMITTED_COUNT, 35, TARGET_SIZE, 40))).isEmpty();
	}

	@Test
	void fewerWomenThanAgreedIsAShortfall() {
		assertThat(shortfalls(balanced(WOMEN_SHARE_PCT, 39, MEN_SHARE_PCT, 61)))
			.containsExactly("שיעור הנשים נמוך מהמוסכם · Fewer women than agreed");
	}

	@Test
	void fewerMenThanAgreedIsAShortfall() {
		assertThat(shortfalls(balanced(WOMEN_SHARE_PCT, 61, MEN_SHARE_PCT, 39)))
			.containsExactly("שיעור הגברים נמוך מהמוסכם · Fewer men than agreed");
	}

	@Test
	void agreedRegionWithNoMemberIsAShortfall() {
		assertThat(shortfalls(balanced(MISSING_REGIONS, 1)))
			.containsExactly("אזור מוסכם ללא חברים · An agreed region has no member");
	}

	@Test
	void agreedSectorWithNoMemberIsAShortfall() {
		assertThat(shortfalls(balanced(MISSING_SECTORS, 2)))
			.containsExactly("מגזר מוסכם ללא חברים · An agreed sector has no member");
	}

	@Test
	void memberBelowTheAgreedSeniorityIsAShortfall() {
		assertThat(shortfalls(balanced(JUNIOR_COUNT, 1)))
			.containsExactly("חברים בוותק נמוך מהמוסכם · Members below the agreed seniority");
	}

	@Test
	void emptyCohortListsEveryShortfallItHas() {
		// given: nobody admitted, against a mix that asks for 40% of each gender, three
		// regions and two sectors
		Map<String, Object> empty = balanced(ADMITTED_COUNT, 0, WOMEN_SHARE_PCT, 0, MEN_SHARE_PCT, 0, MISSING_REGIONS,
				3, MISSING_SECTORS, 2);

		// then: every rule but "more than 40" and seniority matches, in the table's order
		assertThat(shortfalls(empty)).containsExactly("פחות מ-30 חברים · Fewer than 30 members",
				"הרבה מתחת לגודל היעד · Well below the target size",
				"שיעור הנשים נמוך מהמוסכם · Fewer women than agreed",
				"שיעור הגברים נמוך מהמוסכם · Fewer men than agreed",
				"אזור מוסכם ללא חברים · An agreed region has no member",
				"מגזר מוסכם ללא חברים · An agreed sector has no member");
	}

	private static List<Object> shortfalls(Map<String, Object> inputs) {
		return engine.evaluateDecisionTable(decision, inputs).collectEntries(SHORTFALL);
	}

	/**
	 * 35 admitted for a target of 35, half women and half men against a minimum of 40%
	 * each, every agreed region and sector represented, nobody below the minimum
	 * seniority; then the given changes ({@code key, value, key, value...}).
	 */
	private static Map<String, Object> balanced(Object... changes) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put(ADMITTED_COUNT, 35);
		inputs.put(TARGET_SIZE, 35);
		inputs.put(WOMEN_SHARE_PCT, 50);
		inputs.put(MEN_SHARE_PCT, 50);
		inputs.put(MIN_SHARE_EACH_GENDER_PCT, 40);
		inputs.put(MISSING_REGIONS, 0);
		inputs.put(MISSING_SECTORS, 0);
		inputs.put(JUNIOR_COUNT, 0);
		for (int i = 0; i < changes.length; i += 2) {
			inputs.put((String) changes[i], changes[i + 1]);
		}
		return inputs;
	}

}
