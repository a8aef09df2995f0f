package org.learningcommunities.lifecycle.recruitment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.recruitment.CandidateRepository.AgreedMix;

/**
 * How one candidate fits the mix agreed in establishment, as the screening form shows it
 * (in Hebrew and English): role, region, sector and seniority against the mix, and the
 * gender balance of those admitted so far, since balance is judged over the whole group.
 */
final class MixFit {

	private static final String YES = "✓ ";

	private static final String NO = "✗ ";

	private static final String NOT_GIVEN = "לא צוין · not given";

	private MixFit() {
	}

	static String describe(Candidate candidate, AgreedMix mix, Map<String, Integer> admittedByGender) {
		if (mix == null) {
			return "לא הוגדר תמהיל לקהילה · No community mix was agreed for this community.";
		}
		List<String> lines = new ArrayList<>();
		List<String> roles = targetRoles(mix.targetRoles());
		lines.add("תפקיד · Role: "
				+ candidate.role() + " — " + (matchesRole(candidate.role(), roles)
						? YES + "בין תפקידי היעד · a target role" : NO + "לא בין תפקידי היעד · not a target role")
				+ " (" + String.join(", ", roles) + ")");
		lines.add("אזור · Region: " + candidate.region() + " — " + inMix(candidate.region(), mix.regions()));
		lines.add("מגזר · Sector: " + ((candidate.sector() != null)
				? candidate.sector() + " — " + inMix(candidate.sector(), mix.sectors()) : NOT_GIVEN));
		lines.add("ותק · Seniority: " + seniority(candidate.seniorityYears(), mix.minSeniorityYears()));
		lines.add("מגדר · Gender: " + ((candidate.gender() != null) ? candidate.gender() : NOT_GIVEN) + " — לפחות "
				+ mix.minShareEachGenderPct() + "% מכל מגדר · at least " + mix.minShareEachGenderPct()
				+ "% of each gender; התקבלו עד כה · admitted so far: " + admitted(admittedByGender));
		return String.join("\n", lines);
	}

	private static String inMix(String value, List<String> agreed) {
		return (agreed.contains(value) ? YES + "בתמהיל · in the mix" : NO + "מחוץ לתמהיל · outside the mix") + " ("
				+ String.join(", ", agreed) + ")";
	}

	private static String seniority(Integer years, int minimum) {
		if (years == null) {
			return NOT_GIVEN + " (" + minimum + "+)";
		}
		return years + " שנים · years — " + ((years >= minimum) ? YES : NO) + "מינימום · minimum " + minimum;
	}

	private static String admitted(Map<String, Integer> byGender) {
		if (byGender.isEmpty()) {
			return "0";
		}
		return new TreeMap<>(byGender).entrySet()
			.stream()
			.map((entry) -> (entry.getKey().isEmpty() ? "?" : entry.getKey()) + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	/** The mix form asks for one role per line; commas and semicolons separate too. */
	static List<String> targetRoles(String text) {
		return Arrays.stream(text.split("[\\n,;]")).map(String::strip).filter((role) -> !role.isEmpty()).toList();
	}

	/** A role matches when one contains the other, ignoring case. */
	static boolean matchesRole(String role, List<String> targetRoles) {
		String candidate = role.toLowerCase(Locale.ROOT);
		return targetRoles.stream()
			.map((target) -> target.toLowerCase(Locale.ROOT))
			.anyMatch((target) -> candidate.contains(target) || target.contains(candidate));
	}

}
