package org.learningcommunities.lifecycle.approvals;

import java.math.BigDecimal;

/**
 * One line of a work plan's budget: what the money is for, and how much (shekels, never
 * negative).
 */
public record BudgetLine(String item, BigDecimal amount) {

}
