package org.learningcommunities.lifecycle.system;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Splitting a model's "עברית / English" name into the half a page, a mail or a feed
 * shows.
 */
class BilingualNamesTests {

	private static final String DRAFT_GOALS = "ניסוח מטרות ויעדים / Draft goals and targets";

	@Test
	void hebrewReadsTheHalfBeforeTheSeparatorAndEnglishTheHalfAfterIt() {
		assertThat(BilingualNames.hebrew(DRAFT_GOALS)).isEqualTo("ניסוח מטרות ויעדים");
		assertThat(BilingualNames.english(DRAFT_GOALS)).isEqualTo("Draft goals and targets");
	}

	@Test
	void theLanguageChoosesTheHalfAndAnyOtherLanguageReadsEnglish() {
		assertThat(BilingualNames.in(DRAFT_GOALS, "he")).isEqualTo("ניסוח מטרות ויעדים");
		assertThat(BilingualNames.in(DRAFT_GOALS, "en")).isEqualTo("Draft goals and targets");
		assertThat(BilingualNames.in(DRAFT_GOALS, "fr")).isEqualTo("Draft goals and targets");
		assertThat(BilingualNames.in(DRAFT_GOALS, Locale.forLanguageTag("he"))).isEqualTo("ניסוח מטרות ויעדים");
		assertThat(BilingualNames.in(DRAFT_GOALS, Locale.ENGLISH)).isEqualTo("Draft goals and targets");
	}

	@Test
	void slashOfAWordForBothGendersIsNotTheSeparator() {
		String screen = "מיון מועמד/ת / Screen candidate";

		assertThat(BilingualNames.hebrew(screen)).isEqualTo("מיון מועמד/ת");
		assertThat(BilingualNames.english(screen)).isEqualTo("Screen candidate");
		assertThat(BilingualNames.in("מיון מועמד/ת", "en")).as("no separator: the whole name")
			.isEqualTo("מיון מועמד/ת");
	}

	@Test
	void nameWithoutASeparatorIsShownWholeInBothLanguages() {
		assertThat(BilingualNames.in("Plan meeting", "he")).isEqualTo("Plan meeting");
		assertThat(BilingualNames.in("Plan meeting", "en")).isEqualTo("Plan meeting");
		assertThat(BilingualNames.in(null, "he")).isNull();
	}

	@Test
	void aTypedNameWithAMiddleDotIsSplitButFreeTextIsNot() {
		String econ = "פיתוח כלכלי · Economic development";

		assertThat(BilingualNames.in(econ, "he")).isEqualTo("פיתוח כלכלי");
		assertThat(BilingualNames.in(econ, "en")).isEqualTo("Economic development");
		assertThat(BilingualNames.in("Dana Levi · רשות 3", "he")).as("Latin first: not a name in two languages")
			.isEqualTo("Dana Levi · רשות 3");
		assertThat(BilingualNames.in("נציגת הקרן · Foundation\nנציג המשרד · Ministry", "en")).as("a list")
			.isEqualTo("נציגת הקרן · Foundation\nנציג המשרד · Ministry");
		assertThat(BilingualNames.in("תוצר · Product · קהל", "en")).as("two dots").isEqualTo("תוצר · Product · קהל");
		assertThat(BilingualNames.in("Welfare 2026", "he")).isEqualTo("Welfare 2026");
	}

}
