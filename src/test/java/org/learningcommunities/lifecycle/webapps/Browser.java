package org.learningcommunities.lifecycle.webapps;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real headless Chromium driven through Debian's chromedriver (packages
 * {@code chromium} and {@code chromium-driver}, installed by {@code .ci/run}), with the
 * language the user's browser would send. Without them the test fails when
 * {@code CI=true} and is skipped with a message otherwise. Every step waits for what it
 * needs on the page, never for a time.
 */
final class Browser implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Browser.class);

	/** Where the screenshots go: a build artifact. */
	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	/** Where the whole-page screenshots of our own pages go. */
	static final Path PAGE_SCREENSHOTS = Path.of("target", "screenshots");

	/** A phone's width in CSS pixels (an iPhone 14 or a Pixel 8). */
	static final int PHONE_WIDTH = 390;

	// the machine is shared by parallel builds: generous, since a wait ends as soon as
	// the
	// page is ready
	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, PATIENCE);
	}

	/**
	 * Fails (when {@code CI=true}) or skips the calling test when Chromium or
	 * chromedriver is missing; call it before starting anything else.
	 */
	static void requireChromium() {
		executable("LIFECYCLE_CHROMIUM", "/usr/bin/chromium");
		executable("LIFECYCLE_CHROMEDRIVER", "/usr/bin/chromedriver");
	}

	/**
	 * Opens Chromium whose user prefers {@code language} (e.g. {@code he-IL},
	 * {@code en-US}).
	 */
	static Browser open(String language) {
		return open(language, null);
	}

	/**
	 * Opens Chromium as a phone 390 CSS pixels wide (844 high, three device pixels to
	 * one), as Chrome's device mode does: the page's viewport meta tag applies.
	 */
	static Browser phone(String language) {
		return open(language, Map.of("deviceMetrics", Map.of("width", PHONE_WIDTH, "height", 844, "pixelRatio", 3.0),
				"userAgent",
				"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"));
	}

	private static Browser open(String language, Map<String, Object> mobileEmulation) {
		File chromium = executable("LIFECYCLE_CHROMIUM", "/usr/bin/chromium");
		File chromedriver = executable("LIFECYCLE_CHROMEDRIVER", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// CI runs as root, where Chromium needs --no-sandbox; /dev/shm is small in
		// containers
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1400,1000", "--lang=" + language);
		if (mobileEmulation != null) {
			options.setExperimentalOption("mobileEmulation", mobileEmulation);
		}
		// navigator.languages, which the webapps read, comes from the accepted languages
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	private static File executable(String variable, String standardPath) {
		String path = System.getenv().getOrDefault(variable, standardPath);
		File file = new File(path);
		if (!file.canExecute()) {
			String message = "No executable " + path + " (set " + variable
					+ " or install Debian's chromium and chromium-driver, as .ci/run does)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			log.warn("Browser test skipped: {}", message);
			Assumptions.abort("Browser test skipped: " + message);
		}
		return file;
	}

	/** Sets the window's size, e.g. 390 x 844 for a phone. */
	void resize(int width, int height) {
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
	}

	/** Whether the page is wider than the window (a reader would scroll sideways). */
	boolean scrollsSideways() {
		return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
	}

	/**
	 * The serious and critical accessibility violations axe-core finds on the page (WCAG
	 * 2.1 A and AA rules), one line each: rule, impact, and the first elements.
	 */
	List<String> accessibilityProblems() {
		try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
			script(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.driver.manage().timeouts().scriptTimeout(PATIENCE);
		Object found = ((JavascriptExecutor) this.driver).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
						  .then((results) => done(results.violations
						    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
						    .map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
						  .catch((e) => done(['axe failed: ' + e]));""");
		return ((List<?>) found).stream().map(String::valueOf).toList();
	}

	String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	void go(String url) {
		this.driver.get(url);
	}

	/** Waits until an element is visible and returns it. */
	WebElement visible(By by) {
		return until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	// a wait that fails leaves a screenshot of what the page showed instead
	private <T> T until(ExpectedCondition<T> condition) {
		try {
			return this.wait.until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("failed-" + System.currentTimeMillis());
			throw ex;
		}
	}

	/** Waits until a visible element shows exactly this text (spaces trimmed). */
	WebElement text(String text) {
		return visible(withText(text));
	}

	/**
	 * Waits until an element is clickable and clicks it, scrolled to the middle of the
	 * window first (Tasklist's fixed footer covers the bottom line).
	 */
	void click(By by) {
		WebElement element = until(ExpectedConditions.elementToBeClickable(by));
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/**
	 * Waits until one of the elements is visible and answers which (its index in
	 * {@code bys}).
	 */
	int visibleAny(By... bys) {
		ExpectedCondition<?>[] conditions = new ExpectedCondition<?>[bys.length];
		for (int i = 0; i < bys.length; i++) {
			conditions[i] = ExpectedConditions.visibilityOfElementLocated(bys[i]);
		}
		until(ExpectedConditions.or(conditions));
		for (int i = 0; i < bys.length; i++) {
			if (this.driver.findElements(bys[i]).stream().anyMatch(WebElement::isDisplayed)) {
				return i;
			}
		}
		throw new IllegalStateException("none of " + List.of(bys) + " is visible any more");
	}

	/** Waits until the page's address contains {@code part}. */
	void awaitUrlContains(String part) {
		until(ExpectedConditions.urlContains(part));
	}

	/** Waits until no element matching {@code by} is visible. */
	void awaitGone(By by) {
		until(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	void type(By by, String text) {
		WebElement field = visible(by);
		field.clear();
		field.sendKeys(text);
	}

	/** Waits until the page's root element carries the attribute's value. */
	void awaitRootAttribute(String attribute, String value) {
		until(ExpectedConditions.attributeToBe(By.tagName("html"), attribute, value));
	}

	String rootAttribute(String attribute) {
		return this.driver.findElement(By.tagName("html")).getDomAttribute(attribute);
	}

	/** The computed CSS direction of an element ({@code rtl} or {@code ltr}). */
	String direction(WebElement element) {
		return element.getCssValue("direction");
	}

	List<WebElement> all(By by) {
		return this.driver.findElements(by);
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** Saves the page as {@code target/browser-screenshots/<name>.png}. */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			log.info("Screenshot {}", target.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the whole page, beyond the window, as {@code target/screenshots/<name>.png}
	 * (Chrome's DevTools protocol).
	 */
	void pageScreenshot(String name) {
		Map<String, Object> metrics = this.driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(), "height",
								((Number) size.get("height")).doubleValue(), "scale", 1)));
		try {
			Files.createDirectories(PAGE_SCREENSHOTS);
			Path target = PAGE_SCREENSHOTS.resolve(name + ".png");
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
			log.info("Screenshot {}", target.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many CSS pixels the page is wider than its window: above 0, the reader has to
	 * scroll sideways.
	 */
	long horizontalOverflow() {
		return ((Number) script(
				"return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth;"))
			.longValue();
	}

	/**
	 * What Deque's axe-core finds wrong on the page against WCAG 2.1 A and AA, one line
	 * per rule and element; empty when it passes.
	 */
	List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		return results.getViolations()
			.stream()
			.flatMap((rule) -> rule.getNodes()
				.stream()
				.map((node) -> rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget() + " "
						+ node.getFailureSummary()))
			.toList();
	}

	/**
	 * Any element with a text of its own that is {@code text}, spaces trimmed (an icon
	 * may stand beside it).
	 */
	static By withText(String text) {
		return By.xpath("//*[text()[normalize-space()=" + literal(text) + "]]");
	}

	/** A button or link whose text, spaces trimmed, is {@code text}. */
	static By button(String text) {
		return By.xpath("//*[self::button or self::a][normalize-space()=" + literal(text) + "]");
	}

	/**
	 * A form-js field (input, text area) by the text of its label (without the star of a
	 * required field), through the label's {@code for}.
	 */
	static By field(String label) {
		return By.xpath("//*[@id=//label[text()[normalize-space()=" + literal(label) + "]]/@for]");
	}

	/** A label by its own text (a radio or checkbox option, a field's label). */
	static By label(String text) {
		return By.xpath("//label[text()[normalize-space()=" + literal(text) + "]]");
	}

	/** {@code text} as an XPath string literal (it may contain quotes). */
	static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
