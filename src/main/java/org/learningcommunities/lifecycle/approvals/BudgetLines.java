package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.learningcommunities.lifecycle.system.InvalidFormException;

/**
 * The budget lines of a work plan as the draft form holds them: one line per item, the
 * item, a colon and the amount in shekels ({@code Venues and catering: 45000}). A
 * thousands separator, a shekel sign and {@code ש"ח} or {@code NIS} around the amount are
 * accepted; the amount may have two decimals.
 */
final class BudgetLines {

	/** The form field that holds them. */
	static final String FIELD = "budgetLines";

	static final int ITEM_LENGTH = 200;

	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	private static final Pattern CURRENCY = Pattern.compile("₪|ש\"ח|ש״ח|(?i:nis)|[,\\s\\u00a0]");

	private BudgetLines() {
	}

	/**
	 * Reads the lines of the form's text; blank lines are skipped.
	 * @throws InvalidFormException naming {@value #FIELD}, with every line that is wrong
	 * and why: no amount, an amount that is not a number or is negative, no item
	 */
	static List<BudgetLine> parse(String text) {
		List<BudgetLine> lines = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String[] rows = (text != null) ? text.split("\\R") : new String[0];
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			String problem = problemWith(row);
			if (problem != null) {
				problems.add("line " + (i + 1) + " ('" + row + "') " + problem);
				continue;
			}
			int separator = separatorOf(row);
			lines.add(new BudgetLine(row.substring(0, separator).strip(), amountOf(row.substring(separator + 1))));
		}
		if (problems.isEmpty() && lines.isEmpty()) {
			problems.add("needs at least one line: the item, a colon and the amount");
		}
		if (!problems.isEmpty()) {
			throw InvalidFormException.of(FIELD, String.join("; ", problems));
		}
		return List.copyOf(lines);
	}

	private static String problemWith(String row) {
		int separator = separatorOf(row);
		if (separator < 0) {
			return "has no amount: write the item, a colon and the amount, e.g. 'Venues and catering: 45000'";
		}
		String item = row.substring(0, separator).strip();
		String amount = row.substring(separator + 1).strip();
		if (item.isEmpty()) {
			return "names no item before the amount";
		}
		if (item.length() > ITEM_LENGTH) {
			return "has an item longer than " + ITEM_LENGTH + " characters";
		}
		String number = CURRENCY.matcher(amount).replaceAll("");
		if (!NUMBER.matcher(number).matches()) {
			return "has an amount '" + amount + "' that is not a number";
		}
		if (number.startsWith("-") && new BigDecimal(number).signum() < 0) {
			return "has a negative amount " + amount;
		}
		if (!AMOUNT.matcher(number).matches()) {
			return "has an amount " + amount + " with more than two decimals or above 999,999,999,999";
		}
		return null;
	}

	/** The last colon, bar or tab: an item may hold a colon of its own. */
	private static int separatorOf(String row) {
		return Math.max(row.lastIndexOf(':'), Math.max(row.lastIndexOf('|'), row.lastIndexOf('\t')));
	}

	private static BigDecimal amountOf(String amount) {
		return new BigDecimal(CURRENCY.matcher(amount.strip()).replaceAll("")).setScale(2);
	}

	/** The lines as the draft form shows them, one per line. */
	static String format(List<BudgetLine> lines) {
		return lines.stream()
			.map((line) -> line.item() + ": " + plain(line.amount()))
			.collect(Collectors.joining("\n"));
	}

	static BigDecimal total(List<BudgetLine> lines) {
		return lines.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
	}

	/** {@code 45000}, {@code 1200.5}: no trailing zeros, no exponent. */
	static String plain(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

}
