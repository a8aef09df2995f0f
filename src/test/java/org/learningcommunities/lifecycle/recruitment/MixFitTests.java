package org.learningcommunities.lifecycle.recruitment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.recruitment.CandidateRepository.AgreedMix;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the screening form says about a candidate's fit with the agreed mix.
 */
class MixFitTests {

	private static final AgreedMix MIX = new AgreedMix("Head of economic development\nCity engineer", 5, 40,
			List.of("jewish", "arab"), List.of("north", "haifa"));

	@Test
	void candidateInsideTheMixIsMarkedOnEveryLine() {
		String fit = MixFit.describe(candidate("head of Economic Development", "north", "arab", 8, "female"), MIX,
				Map.of("female", 3, "male", 2));

		assertThat(fit.lines()).containsExactly(
				"תפקיד · Role: head of Economic Development — ✓ בין תפקידי היעד · a target role (Head of economic development, City engineer)",
				"אזור · Region: north — ✓ בתמהיל · in the mix (north, haifa)",
				"מגזר · Sector: arab — ✓ בתמהיל · in the mix (jewish, arab)",
				"ותק · Seniority: 8 שנים · years — ✓ מינימום · minimum 5",
				"מגדר · Gender: female — לפחות 40% מכל מגדר · at least 40% of each gender; התקבלו עד כה · admitted so far: female 3, male 2");
	}

	@Test
	void candidateOutsideTheMixIsMarkedWhereTheyDiffer() {
		String fit = MixFit.describe(candidate("Treasurer", "south", null, 2, null), MIX, Map.of());

		assertThat(fit).contains("✗ לא בין תפקידי היעד · not a target role", "south — ✗ מחוץ לתמהיל · outside the mix",
				"Sector: לא צוין · not given", "2 שנים · years — ✗ מינימום · minimum 5", "Gender: לא צוין · not given",
				"admitted so far: 0");
	}

	@Test
	void withoutAnAgreedMixTheFormSaysSo() {
		assertThat(MixFit.describe(candidate("Treasurer", "south", null, null, null), null, Map.of()))
			.isEqualTo("לא הוגדר תמהיל לקהילה · No community mix was agreed for this community.");
	}

	private static Candidate candidate(String role, String region, String sector, Integer seniority, String gender) {
		return new Candidate(1, 1, 1, "Dana Levi", "dana@example.org", "Lod", role, region, sector, gender, seniority,
				"he", null, CandidateStatus.APPLIED, null, Instant.EPOCH, null);
	}

}
