package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.learningcommunities.lifecycle.system.FormSchema.FieldError;
import org.learningcommunities.lifecycle.system.InvalidFormException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BudgetLinesTests {

	@Test
	void linesWithAnItemAndAnAmountAreRead() {
		List<BudgetLine> lines = BudgetLines.parse(
				"Venues and catering: 45000\n\n  Seminar: two days | ₪ 30,000.50  \nהערכה: 12 000 ש\"ח\nNIS lecture:0");

		assertThat(lines).containsExactly(new BudgetLine("Venues and catering", new BigDecimal("45000.00")),
				new BudgetLine("Seminar: two days", new BigDecimal("30000.50")),
				new BudgetLine("הערכה", new BigDecimal("12000.00")),
				new BudgetLine("NIS lecture", new BigDecimal("0.00")));
		assertThat(BudgetLines.total(lines)).isEqualByComparingTo("87000.50");
		assertThat(BudgetLines.format(lines))
			.isEqualTo("Venues and catering: 45000\nSeminar: two days: 30000.5\nהערכה: 12000\nNIS lecture: 0");
		assertThat(BudgetLines.parse(BudgetLines.format(lines))).isEqualTo(lines);
	}

	@Test
	void negativeOrNonNumericAmountIsRefusedNamingTheFieldAndTheLine() {
		FieldError error = refused("Venues: 45000\nCatering: -500\nTours: a lot");

		assertThat(error.field()).isEqualTo("budgetLines");
		assertThat(error.message()).contains("line 2 ('Catering: -500') has a negative amount -500")
			.contains("line 3 ('Tours: a lot') has an amount 'a lot' that is not a number")
			.doesNotContain("line 1");
	}

	@Test
	void lineWithoutAnAmountOrAnItemIsRefused() {
		assertThat(refused("Venues 45000").message()).contains("line 1 ('Venues 45000') has no amount");
		assertThat(refused(": 45000").message()).contains("names no item");
		assertThat(refused("Venues: 12.345").message()).contains("more than two decimals");
		assertThat(refused("Venues: 1234567890123").message()).contains("above 999,999,999,999");
	}

	@Test
	void budgetWithoutLinesIsRefused() {
		assertThat(refused(" \n \n").message()).contains("needs at least one line");
		assertThat(refused(null).field()).isEqualTo("budgetLines");
	}

	private static FieldError refused(String text) {
		InvalidFormException refused = catchThrowableOfType(InvalidFormException.class, () -> BudgetLines.parse(text));
		assertThat(refused).as("refusal of %s", text).isNotNull();
		assertThat(refused.errors()).hasSize(1);
		return refused.errors().get(0);
	}

}
