package org.learningcommunities.lifecycle.reminders;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding of iCalendar content lines as RFC 5545 section 3.1 says: at most 75 octets a
 * line, continued after a space, never inside a character.
 */
class IcsTextTests {

	@Test
	void aLineOfHebrewIsFoldedByOctetsAndUnfoldsToItself() {
		String line = "SUMMARY:" + "מועד אחרון: תיעוד המפגש הראשון – פיתוח כלכלי";
		assertThat(line.length()).as("fewer characters than 75").isLessThan(75);

		String folded = IcsText.fold(line + "\r\n");

		String[] lines = folded.split("\r\n");
		assertThat(lines).hasSizeGreaterThan(1)
			.allSatisfy((part) -> assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(lines[1]).startsWith(" ");
		assertThat(folded).endsWith("\r\n");
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
	}

	@Test
	void aCharacterOfSeveralOctetsIsNeverSplit() {
		// 73 ASCII octets, then letters of two and four octets across the limit
		String line = "X".repeat(73) + "אב😀ג";

		String folded = IcsText.fold(line + "\r\n");

		String[] lines = folded.split("\r\n");
		assertThat(lines[0]).isEqualTo("X".repeat(73) + "א");
		assertThat(lines[1]).isEqualTo(" ב😀ג");
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
	}

	@Test
	void aShortLineIsLeftAlone() {
		assertThat(IcsText.fold("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
	}

}
