package org.learningcommunities.lifecycle.system;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.system.InputRules.Refusal;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normalisation and refusal rules every text people send us goes through (the public
 * application, the API, the task forms).
 */
class InputRulesTests {

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void textIsTrimmedOfEveryKindOfSpaceAndBroughtToNfc() {
		assertThat(InputRules.normalized("  Dana Levi \t\n")).isEqualTo("Dana Levi");
		assertThat(InputRules.normalized("\u00A0Dana\u2003")).as("no-break and em spaces").isEqualTo("Dana");
		// e + combining acute accent becomes one character
		assertThat(InputRules.normalized("Rene\u0301")).isEqualTo("Ren\u00E9");
		assertThat(InputRules.normalized(null)).isNull();
		assertThat(InputRules.normalized("   ")).isEmpty();
	}

	@Test
	void controlCharactersAreRefusedAndLineBreaksOnlyInOneLineText() {
		assertThat(InputRules.refusalOf("Dana\u0000", false)).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(InputRules.refusalOf("a\u001Bb", true)).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(InputRules.refusalOf("a\u007Fb", true)).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(InputRules.refusalOf("a\u0085b", true)).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(InputRules.refusalOf("line\nline", false)).isEqualTo(Refusal.CONTROL_CHARACTER);
		assertThat(InputRules.refusalOf("line\r\nline\tcolumn", true)).isNull();
	}

	@Test
	void directionOverridesEmbeddingsAndIsolatesAreRefusedButHebrewMarksAreNot() {
		for (char c : new char[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
				'\u2069' }) {
			assertThat(InputRules.refusalOf("invoice" + c + "fdp.exe", false)).as("U+%04X", (int) c)
				.isEqualTo(Refusal.DIRECTION_OVERRIDE);
		}
		assertThat(InputRules.refusalOf("\u05D3\u05E0\u05D4 \u200F(2026)\u200E", false)).isNull();
	}

	@Test
	void textWithNothingVisibleIsRefused() {
		assertThat(InputRules.refusalOf("\u200B", false)).isEqualTo(Refusal.INVISIBLE_ONLY);
		assertThat(InputRules.refusalOf("\u200B\u200C\u200D\u2060\uFEFF", false)).isEqualTo(Refusal.INVISIBLE_ONLY);
		assertThat(InputRules.refusalOf("\u3164\u115F", false)).isEqualTo(Refusal.INVISIBLE_ONLY);
		assertThat(InputRules.refusalOf("\u200F", false)).isEqualTo(Refusal.INVISIBLE_ONLY);
		assertThat(InputRules.refusalOf("Dana\u200BLevi", false)).as("visible around it").isNull();
		assertThat(InputRules.refusalOf("", false)).as("empty: whether required is the caller's rule").isNull();
	}

	@Test
	void markupAndQuotesAreTextNotRefused() {
		assertThat(InputRules.refusalOf("<b>Dana</b> O'Neil; drop table", false)).isNull();
		assertThat(InputRules.refusalOf("\uD83D\uDE00 emoji", false)).isNull();
	}

	@Test
	void datesAreAcceptedWithinFiveYearsOfToday() {
		assertThat(InputRules.isAcceptedDate(InputRules.today())).isTrue();
		assertThat(InputRules.isAcceptedDate(InputRules.today().plusYears(5))).isTrue();
		assertThat(InputRules.isAcceptedDate(InputRules.today().plusYears(5).plusDays(1))).isFalse();
		assertThat(InputRules.isAcceptedDate(InputRules.today().minusYears(5).minusDays(1))).isFalse();
		assertThat(InputRules.isAcceptedDate(java.time.LocalDate.of(9999, 12, 31))).isFalse();
	}

	@Test
	void refusalsNameTheFieldInHebrewFirstAndInEnglishWhenAsked() {
		assertThat(Refusal.INVISIBLE_ONLY.message("fullName")).isEqualTo("השדה \"fullName\" אינו מכיל תווים גלויים.");

		MockHttpServletRequest english = new MockHttpServletRequest();
		english.addHeader("Accept-Language", "en-US,en;q=0.9");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(english));
		assertThat(InputRules.language()).isEqualTo(Locale.ENGLISH);
		assertThat(Refusal.INVISIBLE_ONLY.message("fullName"))
			.isEqualTo("The field \"fullName\" contains no visible characters.");

		MockHttpServletRequest hebrewPage = new MockHttpServletRequest();
		hebrewPage.addHeader("Accept-Language", "en");
		hebrewPage.addParameter("lang", "he");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(hebrewPage));
		assertThat(InputRules.language().getLanguage()).isEqualTo("he");
	}

}
