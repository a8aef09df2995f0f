package org.learningcommunities.lifecycle.recruitment;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.recruitment.AskedQuestions.Asked;
import org.learningcommunities.lifecycle.recruitment.CandidateRepository.AgreedMix;

import static org.assertj.core.api.Assertions.assertThat;

class AskedQuestionsTests {

	private static final Application WITH_SECTOR_AND_GENDER = new Application("Dana Levi", "dana@example.org", "Lod",
			"Head of economic development", "center", "arab", "female", 12, "he", null, true);

	@Test
	void communityWithoutAnAgreedMixAsksNeitherSectorNorGender() {
		Asked asked = AskedQuestions.of(null);

		assertThat(asked).isEqualTo(new Asked(false, false));
		Application kept = asked.keepAsked(WITH_SECTOR_AND_GENDER);
		assertThat(kept.sector()).isNull();
		assertThat(kept.gender()).isNull();
		assertThat(kept.fullName()).isEqualTo("Dana Levi");
	}

	@Test
	void mixWithSectorsAndAGenderShareAsksBoth() {
		Asked asked = AskedQuestions
			.of(new AgreedMix("Heads of economic development", 3, 40, List.of("jewish", "arab"), List.of("center")));

		assertThat(asked).isEqualTo(new Asked(true, true));
		assertThat(asked.keepAsked(WITH_SECTOR_AND_GENDER)).isEqualTo(WITH_SECTOR_AND_GENDER);
	}

	@Test
	void mixWithNoGenderShareDoesNotAskTheGender() {
		Asked asked = AskedQuestions
			.of(new AgreedMix("Heads of economic development", 3, 0, List.of("jewish"), List.of("center")));

		assertThat(asked).isEqualTo(new Asked(true, false));
		Application kept = asked.keepAsked(WITH_SECTOR_AND_GENDER);
		assertThat(kept.sector()).isEqualTo("arab");
		assertThat(kept.gender()).isNull();
	}

}
