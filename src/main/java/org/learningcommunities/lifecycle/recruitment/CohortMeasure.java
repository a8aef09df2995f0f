package org.learningcommunities.lifecycle.recruitment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.learningcommunities.lifecycle.community.YearOneProcess;

/**
 * The admitted group of a community measured against the mix agreed in establishment.
 * Shares are whole percentages of the admitted members, rounded down (a member whose
 * gender is not known counts in neither share).
 *
 * @param missingRegions the agreed regions no admitted member comes from
 * @param missingSectors the agreed sectors no admitted member comes from
 * @param juniorCount admitted members whose seniority is below the agreed minimum
 */
public record CohortMeasure(int admittedCount, int targetSize, int womenSharePct, int menSharePct,
		int minShareEachGenderPct, List<String> missingRegions, List<String> missingSectors, int juniorCount,
		int minSeniorityYears) {

	/** The inputs of the decision {@code community-mix-check}, by variable name. */
	public Map<String, Object> decisionInputs() {
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put(YearOneProcess.ADMITTED_COUNT, this.admittedCount);
		inputs.put(YearOneProcess.TARGET_SIZE, this.targetSize);
		inputs.put(YearOneProcess.WOMEN_SHARE_PCT, this.womenSharePct);
		inputs.put(YearOneProcess.MEN_SHARE_PCT, this.menSharePct);
		inputs.put(YearOneProcess.MIN_SHARE_EACH_GENDER_PCT, this.minShareEachGenderPct);
		inputs.put(YearOneProcess.MISSING_REGIONS, this.missingRegions.size());
		inputs.put(YearOneProcess.MISSING_SECTORS, this.missingSectors.size());
		inputs.put(YearOneProcess.JUNIOR_COUNT, this.juniorCount);
		return inputs;
	}

}
