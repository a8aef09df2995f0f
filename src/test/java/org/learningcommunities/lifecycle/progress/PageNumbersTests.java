package org.learningcommunities.lifecycle.progress;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts, counts and averages as our pages write them in Hebrew and English. */
class PageNumbersTests {

	private final PageNumbers numbers = new PageNumbers();

	@Test
	void shekelsAreGroupedWithTheSignBeforeAndAgorotOnlyWhenThereAreAny() {
		assertThat(this.numbers.shekels(new BigDecimal("87000.00"))).isEqualTo("₪87,000");
		assertThat(this.numbers.shekels(new BigDecimal("1250.5"))).isEqualTo("₪1,250.50");
		assertThat(this.numbers.shekels(new BigDecimal("-500"))).isEqualTo("-₪500");
		assertThat(this.numbers.shekels(null)).isEqualTo("—");
	}

	@Test
	void anAverageOverNothingIsADashNotZero() {
		assertThat(this.numbers.average(null)).isEqualTo("—");
		assertThat(this.numbers.average(4.5)).isEqualTo("4.5");
		assertThat(this.numbers.average(27.0)).isEqualTo("27");
		assertThat(this.numbers.average(0.0)).as("a real zero").isEqualTo("0");
		assertThat(this.numbers.count(1250)).isEqualTo("1,250");
	}

}
