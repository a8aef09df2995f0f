package org.learningcommunities.lifecycle.webapps;

import org.openqa.selenium.By;

/**
 * The application's one login form ({@code /login}): the workspace, the board and the
 * Camunda webapps all send a browser without a session there, and back once signed in.
 */
final class LoginPage {

	static final By FORM = By.id("login-form");

	private LoginPage() {
	}

	/** Fills the form on the page shown and sends it. */
	static void signIn(Browser browser, String user, String password) {
		browser.type(By.id("username"), user);
		browser.type(By.id("password"), password);
		browser.click(By.cssSelector("#login-form button[type=submit]"));
	}

}
