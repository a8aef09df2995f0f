package org.learningcommunities.lifecycle.webapps;

import java.util.Map;

import org.openqa.selenium.By;

/**
 * Tasklist as a user works in it, in the language the browser shows: every text it looks
 * for comes from the webapp's locale file of that language (the labels a user reads).
 */
final class TasklistPage {

	private final Browser browser;

	private final String baseUrl;

	private final Map<String, String> labels;

	/**
	 * @param labels Tasklist's labels in the language the page is expected to show
	 */
	TasklistPage(Browser browser, String baseUrl, Map<String, String> labels) {
		this.browser = browser;
		this.baseUrl = baseUrl;
		this.labels = labels;
	}

	/** Tasklist's own text of a label key ({@code START_PROCESS}, ...). */
	String label(String key) {
		String text = this.labels.get(key);
		if (text == null) {
			throw new IllegalArgumentException("no Tasklist label " + key);
		}
		return text;
	}

	void open() {
		this.browser.go(this.baseUrl + "/camunda/app/tasklist/");
	}

	/**
	 * Waits for the task a link opened (its Camunda Form), signing in first when Tasklist
	 * asks for it (a browser without a Tasklist session).
	 */
	void awaitLinkedTask(String user, String password) {
		By form = By.cssSelector(".fjs-form");
		if (this.browser.visibleAny(form, By.id("login-form")) == 1) {
			LoginPage.signIn(this.browser, user, password);
		}
		this.browser.visible(form);
	}

	/**
	 * Signs in where Tasklist sends a browser without a session, the application's one
	 * login form, and waits for the list.
	 */
	void logIn(String user, String password) {
		LoginPage.signIn(this.browser, user, password);
		this.browser.text(label("START_PROCESS"));
	}

	/** Picks a filter by its name as the filters column shows it. */
	void chooseFilter(String name) {
		this.browser.click(By.xpath(
				"//*[contains(@class,'task-filters')]//a[contains(normalize-space(), " + Browser.literal(name) + ")]"));
	}

	/** Opens a task of the list by its name; waits for its Camunda Form. */
	void chooseTask(String name) {
		this.browser
			.click(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()=" + Browser.literal(name) + "]"));
		this.browser.visible(By.cssSelector(".fjs-form"));
	}

	void claim() {
		this.browser.click(Browser.button(label("CLAIM_TASK")));
		// once claimed, the task shows its assignee instead of the claim link
		this.browser.awaitGone(Browser.button(label("CLAIM_TASK")));
	}

	/** Clicks a radio or checkbox of the form by the text of its option. */
	void choose(String optionLabel) {
		this.browser.click(Browser.label(optionLabel));
	}

	void fill(String fieldLabel, String text) {
		this.browser.type(Browser.field(fieldLabel), text);
	}

	/** Clicks the form's complete button. */
	void complete() {
		this.browser.click(By.xpath("//button[normalize-space()=" + Browser.literal(label("COMPLETE")) + "]"));
	}

	/**
	 * Waits until the completed task has left the view (Tasklist's success notice may be
	 * gone by then).
	 */
	void awaitCompleted() {
		this.browser.text(label("SELECT_TASK_IN_LIST"));
	}

}
