package org.learningcommunities.lifecycle.webapps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.identity.Groups;
import org.learningcommunities.lifecycle.progress.BoardFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board and a community's page as a manager reads them on a phone 390 pixels wide and
 * on a desktop, in a real headless Chromium: no sideways scrolling on the phone (the rows
 * are cards, the timeline stays), people by name, one language at a time, and no WCAG 2.1
 * A or AA violation that axe-core finds. Whole-page screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardOnAPhoneBrowserIT {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IdentityService identity;

	private final String run = Long.toString(System.nanoTime(), 36);

	private final String field = "phone-" + this.run;

	/** A manager of this test's own, who has chosen no language yet. */
	private final String manager = "manager-phone-" + this.run;

	private final String code = "phone-econ-" + this.run;

	@BeforeAll
	static void chromiumIsInstalled() {
		Browser.requireChromium();
	}

	@BeforeEach
	void twoBusyCommunities() {
		BoardFixture fixture = new BoardFixture(this.jdbc, this.identity);
		fixture.user(this.manager, Groups.PROJECT_MANAGERS);
		Instant now = Instant.now();
		long econ = fixture.community(this.code, "פיתוח כלכלי בשלטון המקומי · Economic development in local government",
				this.field, "leader", "YEAR_ONE");
		long welfare = fixture.community("phone-welfare-" + this.run, "רווחה · Social welfare", this.field, "leader",
				"ESTABLISHMENT");
		fixture.openTask("ph1-" + this.run, this.code, "year-one", "choose-forums",
				"בחירת הגרעין המוביל והוועדה המייעצת / Choose the leading core and the advisory committee", "leader",
				"community-leaders", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(9)));
		fixture.openTask("ph2-" + this.run, this.code, "community-meeting", "plan-meeting",
				"מילוי דף תכנון המפגש / Fill the meeting planning sheet", null, "community-leaders",
				now.plus(Duration.ofDays(6)), now);
		fixture.openTask("ph3-" + this.run, "phone-welfare-" + this.run, "establishment", "map-needs",
				"מיפוי הצרכים / Map the needs", null, "project-managers", now.plus(Duration.ofDays(3)), now);
		fixture.meeting(econ, 1, LocalDate.now().minusDays(20), "נכסים מניבים · Income-producing assets", "HELD", 31,
				5);
		fixture.meeting(econ, 2, LocalDate.now().plusDays(12), "עסקים מקומיים · Local business", "PLANNED", null, null);
		fixture.meeting(econ, 3, LocalDate.now().plusDays(40), "מנועי צמיחה אזוריים · Regional growth engines",
				"PLANNED", null, null);
		fixture.meeting(welfare, 1, LocalDate.now().plusDays(9), "מפגש פתיחה · Opening meeting", "PLANNED", null, null);
		fixture.candidate(econ, "נועה כהן", "ADMITTED");
		fixture.candidate(econ, "Omar Haddad", "INTERVIEW");
		fixture.approvedWorkPlan(econ, 1, "87000.00");
		fixture.pendingWorkPlan(econ, 2);
	}

	@Test
	void theBoardAndTheCommunityPageFitAPhoneInHebrew() {
		try (Browser browser = Browser.phone("he-IL")) {
			BoardPage board = new BoardPage(browser, baseUrl());
			board.logIn(this.manager, this.manager, "he");
			browser.go(baseUrl() + "/board?field=" + this.field);
			browser.visible(BoardPage.row(this.code));
			browser.awaitRootAttribute("dir", "rtl");

			assertThat(browser.script("return window.innerWidth")).isEqualTo((long) Browser.PHONE_WIDTH);
			browser.pageScreenshot("board-phone-he");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the board").isLessThanOrEqualTo(0);
			WebElement row = browser.visible(BoardPage.row(this.code));
			assertThat(row.getText()).contains("פיתוח כלכלי בשלטון המקומי", "Lea Community leader", "מובילות הקהילות")
				.doesNotContain("Economic development", "community-leaders");
			// the timeline stays at a glance: every stage and its steps
			assertThat(row.findElements(By.cssSelector(".timeline > .stage"))).hasSize(4);
			assertThat(row.findElements(By.cssSelector(".steps .step"))).hasSizeGreaterThan(10)
				.allSatisfy((step) -> assertThat(step.isDisplayed()).isTrue());
			// a card, not a row of a wide table: no taller than two screens
			assertThat(row.getSize().getHeight()).isLessThan(2 * 844);
			assertThat(browser.accessibilityViolations()).as("axe-core on the board").isEmpty();

			board.openCommunity(this.code);
			browser.visible(By.id("meetings"));
			browser.pageScreenshot("community-phone-he");
			assertThat(browser.horizontalOverflow()).as("sideways scrolling on the community page")
				.isLessThanOrEqualTo(0);
			assertThat(browser.visible(By.id("community-leader")).getText()).isEqualTo("Lea Community leader");
			assertThat(browser.visible(By.cssSelector(".plan .amount")).getText()).isEqualTo("₪87,000");
			assertThat(browser.accessibilityViolations()).as("axe-core on the community page").isEmpty();
		}
	}

	@Test
	void theDesktopKeepsItsTableAndTheLanguageChosenOnThePhone() {
		try (Browser phone = Browser.phone("he-IL")) {
			new BoardPage(phone, baseUrl()).logIn(this.manager, this.manager, "he");
			// the switch in the header, on the phone
			phone.click(By.cssSelector(".user-nav a[hreflang='en']"));
			phone.awaitRootAttribute("lang", "en");
			phone.go(baseUrl() + "/board?field=" + this.field);
			phone.pageScreenshot("board-phone-en");
			assertThat(phone.horizontalOverflow()).isLessThanOrEqualTo(0);
			assertThat(phone.accessibilityViolations()).as("axe-core on the English board").isEmpty();
		}
		try (Browser desktop = Browser.open("he-IL")) {
			// signed in from a browser that asks for Hebrew, with no language in the
			// address
			desktop.go(baseUrl() + "/board?field=" + this.field);
			LoginPage.signIn(desktop, this.manager, this.manager);
			desktop.go(baseUrl() + "/board?field=" + this.field);
			WebElement row = desktop.visible(BoardPage.row(this.code));

			// the manager's choice on the phone, though this browser asked for Hebrew
			assertThat(desktop.rootAttribute("lang")).isEqualTo("en");
			assertThat(row.getText()).contains("Economic development in local government", "Lea Community leader")
				.doesNotContain("פיתוח כלכלי");
			assertThat(desktop.visible(By.cssSelector("table.board > thead")).isDisplayed()).isTrue();
			desktop.pageScreenshot("board-desktop-en");
			assertThat(desktop.horizontalOverflow()).isLessThanOrEqualTo(0);
			assertThat(desktop.accessibilityViolations()).as("axe-core on the desktop board").isEmpty();
		}
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
