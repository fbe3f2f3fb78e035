package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in Debian's headless Chromium, driven through its chromedriver, for the browser tests: open
 * the page, sign in with its form, search, read the hits, answer the page's fetches in the browser, take
 * screenshots (under {@code target/screenshots}).
 *
 * <p>{@link #start} skips the calling test where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver}
 * is missing. The page's stable hooks: {@code #sign-in-form #username #password #sign-in-submit
 * #sign-in-error}, {@code #user-name #sign-out}, {@code #q}, {@code #results-panel[data-state=done][data-query=...]},
 * per hit {@code [data-testid=result] [data-testid=result-link] [data-testid=result-snippet]}, and the answer
 * panel {@code #answer[data-state][data-llm] #answer-text #answer-stop #answer-status #answer-notice
 * #answer-error #answer-sources [data-testid=citation-chip][data-cite=n]}.
 */
final class PageBrowser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final URL base;
    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;

    private PageBrowser(URL base, Path profile, WebDriver driver) {
        this.base = base;
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** A fresh browser (its own profile: no cookies) at 1280x900, for the server at base. */
    static PageBrowser start(URL base) throws IOException {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "headless Chromium not installed: apt-get install chromium chromium-driver");
        Path profile = Files.createTempDirectory("sextant-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        // An explicit driver executable: Selenium Manager never runs, so nothing is downloaded.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        return new PageBrowser(base, profile, new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return wait;
    }

    URL base() {
        return base;
    }

    /** Opens the page and waits until it knows whether someone is signed in. */
    void open() {
        driver.get(base.toString());
        wait.until(d -> !"loading".equals(d.findElement(By.tagName("body")).getDomAttribute("data-view")));
    }

    void signInWith(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        WebElement user = byId("username");
        user.clear();
        user.sendKeys(username);
        byId("password").sendKeys(password);
        byId("sign-in-submit").click();
    }

    void signIn(String username, String password) {
        signInWith(username, password);
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), username));
        assertThat(byId("user-name").isDisplayed()).as("the header shows who is signed in").isTrue();
    }

    /** Types the query, presses Enter, waits until that query's results (or its empty state) are shown. */
    void search(String query) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
        wait.until(d -> {
            WebElement panel = d.findElement(By.id("results-panel"));
            return query.equals(panel.getDomAttribute("data-query"))
                    && !"loading".equals(panel.getDomAttribute("data-state"));
        });
        assertThat(byId("results-panel").getDomAttribute("data-state"))
                .as("search for '%s' failed: %s", query, byId("search-error").getText()).isEqualTo("done");
    }

    /** Makes the page's searches get this response, as if from {@code /api/search}; other requests go out. */
    void answerSearchesWith(String response) {
        script("""
                const body = arguments[0];
                const realFetch = window.fetch;
                window.fetch = (input, init) => String(input).startsWith('/api/search')
                    ? Promise.resolve(new Response(body, {status: 200, headers: {'Content-Type': 'application/json'}}))
                    : realFetch(input, init);
                """, response);
    }

    List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results [data-testid=result]"));
    }

    static WebElement linkOf(WebElement hit) {
        return hit.findElement(By.cssSelector("[data-testid=result-link]"));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String activeId() {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
