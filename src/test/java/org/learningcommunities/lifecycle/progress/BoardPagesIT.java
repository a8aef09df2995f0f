package org.learningcommunities.lifecycle.progress;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningcommunities.lifecycle.LifecycleRestClient;
import org.learningcommunities.lifecycle.identity.Groups;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's pages over HTTP as a browser uses them: the login form with its CSRF token
 * and the session, the board page and its rows, the board's JSON in the session, the
 * community page and its three-year summary, the CSV export, and the calendar feeds with
 * their tokens; each for a manager and for a leader who sees only their own community.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardPagesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern FEED_URL = Pattern.compile("http://[^\"<]+/calendar/[A-Za-z0-9_-]+\\.ics");

	private static final Pattern REVOKE = Pattern.compile("/board/calendar/tokens/(\\d+)/revoke");

	@LocalServerPort
	private int port;

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private IdentityService identity;

	/**
	 * Task names as the models write them, Hebrew first (the engine keeps them whole).
	 */
	private static final String CHOOSE_FORUMS = "בחירת הגרעין המוביל והוועדה המייעצת / Choose the leading core and the advisory committee";

	private static final String RECORD_FIRST_MEETING = "תיעוד המפגש הראשון: נושאים ונורמות למידה / Record the first meeting: topics and learning norms";

	private final String run = Long.toString(System.nanoTime(), 36);

	private final String field = "board-pages-" + this.run;

	private final String otherLeader = "leader-p-" + this.run;

	/**
	 * A project manager of this test's own: its language choices must not change the demo
	 * manager's, which other tests read.
	 */
	private final String manager = "manager-p-" + this.run;

	private final LocalDate heldOn = LocalDate.now().minusDays(3);

	@BeforeEach
	void twoCommunitiesOfTwoLeaders() {
		BoardFixture fixture = new BoardFixture(this.jdbc, this.identity);
		fixture.user(this.otherLeader, Groups.COMMUNITY_LEADERS);
		fixture.user(this.manager, Groups.PROJECT_MANAGERS);
		Instant now = Instant.now();
		long first = fixture.community(code(1), "קהילת הכלכלה " + this.run, this.field, "leader", "YEAR_ONE");
		long second = fixture.community(code(2), "Welfare " + this.run, this.field, this.otherLeader, "YEAR_ONE");
		fixture.openTask("p1-" + this.run, code(1), "year-one", "choose-forums", CHOOSE_FORUMS, "leader",
				"community-leaders", now.plus(Duration.ofDays(3)), now);
		fixture.openTask("p2-" + this.run, code(2), "year-one", "record-first-meeting", RECORD_FIRST_MEETING,
				this.otherLeader, "community-leaders", now.minus(Duration.ofDays(1)), now);
		fixture.meeting(first, 1, LocalDate.now().plusDays(20), "Income-producing assets", "PLANNED", null, null);
		fixture.meeting(second, 1, this.heldOn, "Local business", "HELD", 27, 4);
		fixture.meeting(second, 2, LocalDate.now().plusDays(12), "Growth engines", "PLANNED", null, null);
		fixture.candidate(second, "Dana Levi", "ADMITTED");
		fixture.candidate(second, "Omer Cohen", "INTERVIEW");
		fixture.approvedWorkPlan(second, 1, "87000.00");
		fixture.product(second, "YEAR_ONE", 1, "Map of local business", "mind-map");
	}

	private String code(int i) {
		return "board-pages-" + this.run + "-" + i;
	}

	@Test
	void boardAsksForALoginFirst() {
		HttpResponse<String> answer = new BoardSession(this.port).get("/board");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void managerSignsInAndSeesTheBoardInHebrewThenEnglish() {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		HttpResponse<String> hebrew = manager.get("/board?field=" + this.field);
		HttpResponse<String> english = manager.get("/board?field=" + this.field + "&lang=en");
		HttpResponse<String> next = manager.get("/board/communities/" + code(1));

		assertThat(hebrew.statusCode()).isEqualTo(200);
		assertThat(hebrew.body())
			.contains("<html lang=\"he\" dir=\"rtl\">", "לוח התקדמות", "קהילת הכלכלה " + this.run,
					"Welfare " + this.run, "2 קהילות, עמוד 1 מתוך 1",
					"/camunda/app/tasklist/default/#/?task=p1-" + this.run,
					"/camunda/app/cockpit/default/#/process-instance/root-" + code(1), "Income-producing assets",
					// each task's and current step's Hebrew half only
					">בחירת הגרעין המוביל והוועדה המייעצת<", ">תיעוד המפגש הראשון: נושאים ונורמות למידה<")
			.doesNotContain("Choose the leading core", "Record the first meeting");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body())
			.contains("<html lang=\"en\" dir=\"ltr\">", "Progress board", "2 communities, page 1 of 1",
					">Choose the leading core and the advisory committee<",
					">Record the first meeting: topics and learning norms<")
			.doesNotContain("בחירת הגרעין המוביל", "תיעוד המפגש הראשון");
		assertThat(next.body()).contains("<html lang=\"en\" dir=\"ltr\">");
	}

	@Test
	void theLanguageChosenIsRememberedForTheUserOnEveryDevice() {
		BoardSession desktop = new BoardSession(this.port).login(this.manager);
		desktop.get("/board?field=" + this.field + "&lang=en");

		// another browser, without the desktop's cookie: the phone
		BoardSession phone = new BoardSession(this.port).login(this.manager);
		HttpResponse<String> board = phone.get("/board?field=" + this.field);
		HttpResponse<String> csv = phone.get("/board/export.csv?field=" + this.field);

		assertThat(board.body()).contains("<html lang=\"en\" dir=\"ltr\">", "Progress board");
		assertThat(csv.body().lines().findFirst())
			.hasValueSatisfying((header) -> assertThat(header).contains("\"Code\""));
		assertThat(this.identity.getUserInfo(this.manager, "lang")).isEqualTo("en");

		phone.get("/board?lang=he");
		assertThat(desktop.get("/board?field=" + this.field).body()).contains("<html lang=\"he\" dir=\"rtl\">");
	}

	@Test
	void peopleAreShownByNameNotByUserId() {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		String board = manager.get("/board?field=" + this.field + "&lang=en").body();
		String community = manager.get("/board/communities/" + code(2)).body();

		// the fixture's users are named "<id> Test"; the demo leader is Lea
		assertThat(board)
			.contains("class=\"leader\">Lea Community leader<", "class=\"leader\">" + this.otherLeader + " Test<",
					"class=\"owner\">Lea Community leader<", "class=\"user\">" + this.manager + " Test<",
					">Lea Community leader</option>")
			.doesNotContain("class=\"leader\">leader<", "class=\"owner\">leader<");
		assertThat(community)
			.contains("id=\"community-leader\">" + this.otherLeader + " Test<",
					"Fadi Foundation partner, Miriam Ministry partner",
					// a product's kind in words, not its key
					">mind map<")
			.doesNotContain(">mind-map<");
	}

	@Test
	void loginWithoutTheCsrfTokenIsRefused() {
		BoardSession browser = new BoardSession(this.port);
		browser.get("/login");

		HttpResponse<String> answer = browser.postWithout("/login",
				Map.of("username", "manager", "password", "manager"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(browser.get("/board").statusCode()).isEqualTo(302);
	}

	@Test
	void wrongPasswordIsRefused() {
		// a user of its own: after a failed attempt Camunda delays the user's next login
		// by seconds
		String user = "wrong-password-" + this.run;
		new BoardFixture(this.jdbc, this.identity).user(user, Groups.PROJECT_MANAGERS);

		HttpResponse<String> answer = new BoardSession(this.port).loginAnswer(user, "not-the-password");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));
	}

	@Test
	void sessionCookieIsHttpOnly() {
		HttpResponse<String> answer = new BoardSession(this.port).get("/login");

		assertThat(answer.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
	}

	@Test
	void signingOutEndsTheSession() {
		BoardSession manager = new BoardSession(this.port).login("manager");
		manager.get("/board");

		HttpResponse<String> answer = manager.post("/logout", Map.of());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?logout"));
		assertThat(manager.get("/board").statusCode()).isEqualTo(302);
	}

	@Test
	void boardJsonInTheSessionMatchesTheApi() throws Exception {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		HttpResponse<String> session = manager.get("/board/api/board?field=" + this.field + "&overdue=true");
		JsonNode api = new LifecycleRestClient(this.rest)
			.get(this.manager, "/api/board?field=" + this.field + "&overdue=true")
			.body();

		assertThat(session.statusCode()).isEqualTo(200);
		JsonNode page = JSON.readTree(session.body());
		assertThat(page.path("totalElements").asLong()).isEqualTo(1).isEqualTo(api.path("totalElements").asLong());
		assertThat(page.path("communities").get(0).path("code").asText()).isEqualTo(code(2));
		assertThat(new BoardSession(this.port).get("/board/api/board").statusCode()).isEqualTo(401);
	}

	@Test
	void rowsRefreshWithTheSameFilters() {
		BoardSession manager = new BoardSession(this.port).login("manager");

		HttpResponse<String> rows = manager.get("/board/rows?field=" + this.field + "&overdue=true&size=50");

		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.body()).startsWith("<div id=\"board-rows\"")
			.contains("community-" + code(2))
			.doesNotContain("community-" + code(1), "<html");
	}

	@Test
	void leaderSeesOnlyTheirCommunityOnEveryPage() {
		BoardSession leader = new BoardSession(this.port).login(this.otherLeader);

		HttpResponse<String> board = leader.get("/board?field=" + this.field);
		HttpResponse<String> other = leader.get("/board/communities/" + code(1));
		HttpResponse<String> otherSummary = leader.get("/board/communities/" + code(1) + "/summary");
		HttpResponse<String> csv = leader.get("/board/export.csv?field=" + this.field);

		assertThat(board.body()).contains("community-" + code(2)).doesNotContain("community-" + code(1));
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(otherSummary.statusCode()).isEqualTo(404);
		assertThat(csv.body().lines().skip(1)).singleElement().asString().startsWith("\"" + code(2) + "\",");
		HttpResponse<String> own = leader.get("/board/communities/" + code(2));
		assertThat(own.statusCode()).isEqualTo(200);
		// a leader's tasks open in the workspace; no link leads into Camunda's tools
		assertThat(board.body()).contains("href=\"/tasks/p2-" + this.run + "\"").doesNotContain("/camunda/");
		assertThat(own.body()).doesNotContain("/camunda/");
	}

	@Test
	void communityPageShowsMembersMeetingsAndTheYearsChart() {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		HttpResponse<String> page = manager
			.get("/board/communities/" + code(2) + "?lang=en&year=" + this.heldOn.getYear());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Welfare " + this.run, "Dana Levi", "member", "Omer Cohen", "interview", "Local business", "held",
					"Feedback on Local business", "Growth engines", "planned",
					">Record the first meeting: topics and learning norms<",
					"Attendance and satisfaction in " + this.heldOn.getYear(), "<svg", ">27</text>", ">4</text>",
					// money as people write it, not 87000.00
					"class=\"amount\">₪87,000<")
			.doesNotContain("תיעוד המפגש הראשון", "87000");
	}

	@Test
	void threeYearSummaryIsPrintable() {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		HttpResponse<String> page = manager.get("/board/communities/" + code(2) + "/summary?lang=en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Three-year summary: Welfare " + this.run, "id=\"member-count\">1<", "window.print()",
					"/css/board.css",
					// no year was entered: nothing to average, which is not an average of
					// 0
					"class=\"average\">—<")
			.doesNotContain(">0.0<");
		assertThat(manager.get("/css/board.css").body()).contains("@media print");
	}

	@Test
	void csvExportHasEveryCommunityOfTheFiltersInTheReadersLanguage() throws Exception {
		BoardSession manager = new BoardSession(this.port).login(this.manager);

		HttpResponse<String> all = manager.get("/board/export.csv?field=" + this.field);
		HttpResponse<String> overdue = manager.get("/board/export.csv?field=" + this.field + "&overdue=true");

		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(all.body()).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(all.body().substring(1))).getRecords();
		// the manager chose no language: Hebrew
		assertThat(records.get(0).values()).containsExactly("קוד", "קהילה", "תחום מקצועי", "מובילת הקהילה", "שלב",
				"השלב הנוכחי", "משימות פתוחות", "משימות באיחור", "המפגש הבא", "נושא המפגש הבא",
				"תוכניות עבודה הממתינות לאישור");
		assertThat(records).hasSize(3);
		assertThat(records.get(1).values()).containsExactly(code(1), "קהילת הכלכלה " + this.run, this.field,
				"Lea Community leader", "שנה א׳", "בחירת הגרעין המוביל והוועדה המייעצת", "1", "0",
				new PageDates().day(LocalDate.now().plusDays(20)), "Income-producing assets", "");
		// counts are bare numbers, texts quoted
		assertThat(all.body().lines().toList().get(1)).contains("\",1,0,\"");
		assertThat(overdue.body().lines().skip(1)).singleElement().asString().startsWith("\"" + code(2) + "\",");
	}

	@Test
	void communityFeedParsesAndARevokedTokenIsRefused() throws Exception {
		BoardSession leader = new BoardSession(this.port).login(this.otherLeader);
		String feed = createFeed(leader, code(2));

		HttpResponse<String> answer = new BoardSession(this.port).get(feed);
		Calendar calendar = calendar(answer);
		// in the leader's language (none chosen: Hebrew)
		assertThat(summaries(calendar)).contains("Local business – Welfare " + this.run,
				"Growth engines – Welfare " + this.run,
				"מועד אחרון: תיעוד המפגש הראשון: נושאים ונורמות למידה – Welfare " + this.run);
		// the deadline opens its task in the workspace, at an address a calendar can open
		assertThat(calendar.<VEvent>getComponents("VEVENT"))
			.anySatisfy((event) -> assertThat(event.getProperty(Property.URL).map(Property::getValue))
				.contains("http://localhost:8080/tasks/p2-" + this.run));
		// RFC 5545: no line longer than 75 octets, Hebrew included
		assertThat(answer.body().split("\r\n"))
			.allSatisfy((line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

		Matcher revoke = REVOKE.matcher(leader.get("/board/calendar").body());
		assertThat(revoke.find()).isTrue();
		assertThat(leader.post(revoke.group(), Map.of()).statusCode()).isEqualTo(302);

		assertThat(new BoardSession(this.port).get(feed).statusCode()).isEqualTo(410);
		assertThat(new BoardSession(this.port).get("/calendar/no-such-token.ics").statusCode()).isEqualTo(404);
	}

	@Test
	void userFeedCoversOnlyTheirCommunities() throws Exception {
		BoardSession leader = new BoardSession(this.port).login(this.otherLeader);
		String feed = createFeed(leader, "");

		List<String> summaries = summaries(calendar(new BoardSession(this.port).get(feed)));

		assertThat(summaries).contains("Growth engines – Welfare " + this.run,
				"מועד אחרון: תיעוד המפגש הראשון: נושאים ונורמות למידה – Welfare " + this.run);
		assertThat(summaries).noneMatch((summary) -> summary.contains("קהילת הכלכלה " + this.run));
	}

	@Test
	void leaderCannotSubscribeToAnotherLeadersCommunity() {
		BoardSession leader = new BoardSession(this.port).login(this.otherLeader);
		leader.get("/board/calendar");

		leader.post("/board/calendar/tokens", Map.of("community", code(1)));

		assertThat(leader.get("/board/calendar").body()).doesNotContain(".ics").contains(code(1));
	}

	private static String createFeed(BoardSession session, String community) {
		session.get("/board/calendar");
		HttpResponse<String> created = session.post("/board/calendar/tokens", Map.of("community", community));
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher url = FEED_URL.matcher(session.get("/board/calendar").body());
		assertThat(url.find()).as("the new feed's address on the page").isTrue();
		return url.group().substring(url.group().indexOf("/calendar/"));
	}

	private static Calendar calendar(HttpResponse<String> answer) throws Exception {
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/calendar"));
		return new CalendarBuilder().build(new StringReader(answer.body()));
	}

	private static List<String> summaries(Calendar calendar) {
		return calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.map((event) -> event.<net.fortuna.ical4j.model.property.Summary>getProperty(Property.SUMMARY)
				.map(Property::getValue)
				.orElse(""))
			.toList();
	}

}
