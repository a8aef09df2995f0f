package org.learningcommunities.lifecycle.webapps;

import org.openqa.selenium.By;

/**
 * The progress board's pages ({@code /board}, ADR 0015) as a user works in them: its own
 * login form (with its CSRF token, which the browser sends like any hidden field), the
 * filters, a community's row and page, and the links to Tasklist. Elements are found by
 * the ids and classes of {@code templates/progress/*.html}, texts by the caller.
 */
final class BoardPage {

	/** The board's filters form. */
	static final By FILTERS = By.id("board-filters");

	/** The rows of the board (one per community). */
	static final By ROWS = By.cssSelector("tr.community-row");

	private final Browser browser;

	private final String baseUrl;

	BoardPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	/**
	 * Opens the board in {@code language} ({@code he} or {@code en}, kept by the board in
	 * its {@code lang} cookie); without a session the board sends the browser to the one
	 * login form, which is filled and sent, and the board is shown. With a session (one
	 * login for the workspace, the board and the webapps) the board shows at once.
	 */
	void logIn(String user, String password, String language) {
		this.browser.go(this.baseUrl + "/board?lang=" + language);
		if (this.browser.visibleAny(FILTERS, By.id("login-form")) == 1) {
			LoginPage.signIn(this.browser, user, password);
		}
		this.browser.visible(FILTERS);
	}

	/** A community's row on the board. */
	static By row(String code) {
		return By.id("community-" + code);
	}

	/** Ticks "overdue only", applies the filters and waits for the filtered board. */
	void filterOverdue() {
		this.browser.click(By.id("overdue"));
		this.browser.click(By.cssSelector("#board-filters button[type=submit]"));
		this.browser.awaitUrlContains("overdue=true");
		this.browser.visible(FILTERS);
	}

	/** Follows the community's link in its row to the community page. */
	void openCommunity(String code) {
		this.browser.click(By.cssSelector("#community-" + code + " a.community-link"));
		this.browser.awaitUrlContains("/board/communities/" + code);
	}

	/**
	 * The link to a task in Tasklist as the board's pages write it
	 * ({@code /camunda/app/tasklist/default/#/?task=<id>}).
	 */
	static By taskLink(String taskId) {
		return By.cssSelector("a[href$='/camunda/app/tasklist/default/#/?task=" + taskId + "']");
	}

}
