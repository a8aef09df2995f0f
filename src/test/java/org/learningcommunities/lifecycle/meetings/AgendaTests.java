package org.learningcommunities.lifecycle.meetings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaTests {

	@Test
	void agendaWithTheThreePartsFitsTheDay() {
		assertThat(Agenda.missingParts("A 09:00 opening\nB 10:00 lecture\nC 13:30 product lab")).isEmpty();
		assertThat(Agenda.missingParts("Part A: check-in\n  part b - peer learning\nPART C) work tables")).isEmpty();
		assertThat(Agenda.missingParts("חלק א׳ פתיחה\nב. תוכן מקצועי\nג' מעבדת תוצר")).isEmpty();
	}

	@Test
	void agendaWithoutAPartDoesNotFitTheDay() {
		assertThat(Agenda.missingParts("A 09:00 opening\nC 13:30 product lab")).containsExactly("B");
		assertThat(Agenda.missingParts("Arrival 09:00\nBreak\nClosing")).containsExactly("A", "B", "C");
		assertThat(Agenda.missingParts("בבוקר פתיחה\nגמר")).containsExactly("A", "B", "C");
		assertThat(Agenda.missingParts(null)).containsExactly("A", "B", "C");
	}

}
