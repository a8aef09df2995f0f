package org.learningcommunities.lifecycle.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The syllabus as the leading core writes it: one meeting per line. */
class SyllabusTests {

	@Test
	void eachLineIsAMeetingWithItsDayTopicHostAndSeminarMark() {
		List<String> problems = new ArrayList<>();
		List<Syllabus.Line> lines = Syllabus.parse("""
				2027-01-12 | נכסים מניבים · Income-producing assets | לוד

				12/02/2027 | Tourism | online
				  2027-03-15 | הסמינר השנתי | כרמיאל | סמינר
				2027-04-20 | Zones | מקוון | seminar""", problems);

		assertThat(problems).isEmpty();
		assertThat(lines).containsExactly(
				new Syllabus.Line(1, LocalDate.of(2027, 1, 12), "נכסים מניבים · Income-producing assets", "לוד", false,
						false),
				new Syllabus.Line(3, LocalDate.of(2027, 2, 12), "Tourism", null, true, false),
				new Syllabus.Line(4, LocalDate.of(2027, 3, 15), "הסמינר השנתי", "כרמיאל", false, true),
				new Syllabus.Line(5, LocalDate.of(2027, 4, 20), "Zones", null, true, true));
	}

	@Test
	void everyUnreadableLineIsNamedByItsNumber() {
		List<String> problems = new ArrayList<>();
		List<Syllabus.Line> lines = Syllabus.parse("""
				next month | Tourism | Lod
				2027-01-12 | Tourism
				2027-02-30 | Roads | Lod
				2027-03-01 | Roads | Lod | twice
				2027-04-01 | Roads | Lod""", problems);

		assertThat(lines).extracting(Syllabus.Line::number).containsExactly(5);
		assertThat(problems).containsExactly("line 1: 'next month' is not a day (YYYY-MM-DD or DD/MM/YYYY)",
				"line 2: write the day | the topic | the host or online [| seminar]",
				"line 3: '2027-02-30' is not a day (YYYY-MM-DD or DD/MM/YYYY)",
				"line 4: the fourth column may only say seminar (סמינר)");
	}

	@Test
	void nothingWrittenIsNoMeeting() {
		List<String> problems = new ArrayList<>();
		assertThat(Syllabus.parse(null, problems)).isEmpty();
		assertThat(Syllabus.parse(" \n \n", problems)).isEmpty();
		assertThat(problems).isEmpty();
	}

}
