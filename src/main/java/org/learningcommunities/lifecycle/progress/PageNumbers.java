package org.learningcommunities.lifecycle.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Numbers on our pages and in exports
 * ({@code ${@pageNumbers.shekels(plan.budgetTotal())}}), written the same in Hebrew and
 * English: digits grouped by commas, a decimal point, the shekel sign before the amount
 * ({@code ₪87,000}), and a dash where there is nothing to count rather than a misleading
 * {@code 0.0}.
 */
@Component
public class PageNumbers {

	/** What a figure reads when there is nothing behind it (no meeting held yet). */
	public static final String NOTHING = "—";

	private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

	/** What a page shows for a figure that has nothing behind it. */
	public String nothing() {
		return NOTHING;
	}

	/** An amount in shekels, whole shekels unless it has agorot: {@code ₪87,000}. */
	public String shekels(BigDecimal amount) {
		if (amount == null) {
			return NOTHING;
		}
		BigDecimal whole = amount.setScale(0, RoundingMode.HALF_UP);
		boolean agorot = amount.compareTo(whole) != 0;
		DecimalFormat format = new DecimalFormat(agorot ? "#,##0.00" : "#,##0", SYMBOLS);
		// the sign goes before the shekel sign: -₪500
		return ((amount.signum() < 0) ? "-" : "") + "₪" + format.format(amount.abs());
	}

	/** A whole number with grouping: {@code 1,250}. */
	public String count(long value) {
		return new DecimalFormat("#,##0", SYMBOLS).format(value);
	}

	/**
	 * An average with at most one decimal ({@code 4.5}, {@code 27}), or {@link #NOTHING}
	 * when there was nothing to average ({@code null}).
	 */
	public String average(Double value) {
		if (value == null || value.isNaN()) {
			return NOTHING;
		}
		return new DecimalFormat("#,##0.#", SYMBOLS).format(value);
	}

}
