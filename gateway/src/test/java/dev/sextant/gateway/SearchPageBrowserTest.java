package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser (Debian's headless Chromium through its chromedriver): sign in with the
 * form on the page, search, see only what the person may read, sign out, keyboard shortcuts, and hits carrying
 * markup or javascript: URLs rendering inert.
 *
 * <p>Skipped where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing. The page's stable
 * hooks: {@code #sign-in-form #username #password #sign-in-submit #sign-in-error}, {@code #user-name
 * #sign-out}, {@code #q}, {@code #results-panel[data-state=done][data-query=...]}, and per hit
 * {@code [data-testid=result] [data-testid=result-link] [data-testid=result-snippet]}.
 */
@QuarkusTest
class SearchPageBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL base;

    @Inject
    IndexingService indexing;

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException, InterruptedException {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "headless Chromium not installed: apt-get install chromium chromium-driver");
        IndexedCorpus.await(indexing);

        profile = Files.createTempDirectory("sextant-chromium-");
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
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }

    @Test
    void financeSignsInAndFindsTheQ3Report() throws IOException {
        open();
        assertThat(byId("sign-in-form").isDisplayed()).as("sign-in form on a fresh visit").isTrue();
        assertThat(byId("demo-hint").getText()).contains("alice", "bob", "demo");

        signIn("bob", "demo");
        search("runway");

        WebElement report = wait.until(d -> hits().stream()
                .filter(hit -> linkOf(hit).getText().contains("Q3 2026"))
                .findFirst().orElse(null));
        assertThat(report.findElements(By.cssSelector("[data-testid=result-snippet] mark")))
                .as("the matched term is highlighted in the snippet").isNotEmpty();
        assertThat(linkOf(report).getDomAttribute("href")).contains("/finance/");
        assertThat(linkOf(report).getDomAttribute("target")).isEqualTo("_blank");
        assertThat(byId("result-status").getText()).containsPattern("\\d+ results?");
        assertThat(driver.getCurrentUrl()).contains("q=runway");
        screenshot("search-page.png");
    }

    @Test
    void signingOutBringsBackTheSignInForm() {
        open();
        signIn("bob", "demo");
        search("runway");

        byId("sign-out").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-name")));
        assertThat(byId("q").isDisplayed()).as("no search box once signed out").isFalse();
        assertThat(driver.findElements(By.cssSelector("[data-testid=result]"))).isEmpty();
    }

    @Test
    void engineeringNeverSeesFinanceDocuments() {
        open();
        signIn("alice", "demo");
        search("budget");

        List<String> hrefs = hits().stream().map(hit -> linkOf(hit).getDomAttribute("href"))
                .filter(Objects::nonNull).toList();
        assertThat(hrefs).as("alice finds what she may read: the engineering budget")
                .anyMatch(href -> href.contains("/engineering/engineering-budget-2026"));
        assertThat(hrefs).noneMatch(href -> href.contains("/finance/"));
    }

    /**
     * Titles, snippets, URLs and source names come from the sources, so they may carry markup. The page is
     * fed such a response (its fetch of /api/search answered in the browser: a file: URL from the index can
     * never be javascript:) and must show the markup as text, build no element from it, and make no link of
     * a javascript: or data: URL. The CSP would stop an inline handler anyway; these checks do not count on it.
     */
    @Test
    void markupAndJavascriptUrlsInHitsRenderInert() {
        open();
        signIn("bob", "demo");
        String response = """
                {"total": 2, "took_ms": 1, "notices": ["<img src=x onerror=\\\"window.__xss='notice';alert(1)\\\">"],
                 "hits": [
                  {"doc_id": "hostile-1",
                   "title": "<img src=x onerror=\\\"window.__xss='title';alert(1)\\\">Incident <script>window.__xss='title-script'</script> review",
                   "url": "javascript:window.__xss='url';alert(1)",
                   "source": "<b onmouseover=\\\"window.__xss='source'\\\">github</b>",
                   "updated": "2026-11-30T10:00:00Z",
                   "snippet": "escaped &lt;img src=x onerror=alert(1)&gt; and <mark>payload</mark> then raw <img src=x onerror=\\\"window.__xss='snippet';alert(1)\\\"><script>window.__xss='snippet-script'</script><a href=\\\"javascript:window.__xss='a'\\\">a link</a> <mark onclick=\\\"window.__xss='mark'\\\">marked</mark>"},
                  {"doc_id": "hostile-2", "title": "Data URL", "url": " JaVaScRiPt:alert(2)", "source": "github",
                   "snippet": "<svg onload=\\\"window.__xss='svg'\\\"></svg>plain"}
                 ]}""";
        answerSearchesWith(response);
        search("payload");

        List<WebElement> hits = hits();
        assertThat(hits).hasSize(2);
        WebElement link = linkOf(hits.get(0));
        assertThat(link.getText()).as("the title's markup is shown as text")
                .contains("<img src=x onerror=", "<script>window.__xss='title-script'</script>");
        assertThat(link.getDomAttribute("href")).as("no link to a javascript: URL").isNull();
        assertThat(linkOf(hits.get(1)).getDomAttribute("href")).isNull();

        WebElement snippet = hits.get(0).findElement(By.cssSelector("[data-testid=result-snippet]"));
        assertThat(snippet.getText()).contains("escaped <img src=x onerror=alert(1)> and payload");
        assertThat(snippet.findElements(By.cssSelector("mark"))).extracting(WebElement::getText)
                .containsExactly("payload", "marked");
        assertThat(snippet.findElement(By.cssSelector("mark:last-of-type")).getDomAttribute("onclick")).isNull();
        assertThat(driver.findElements(By.cssSelector(
                "#results img, #results script, #results svg, #results b, #results [onerror], #results [onclick], "
                        + "#results [onload], #results [onmouseover], #notices img, #results-panel a[href^=javascript]")))
                .as("no element built from the hits' markup").isEmpty();
        assertThat(hits.get(0).findElement(By.cssSelector("[data-testid=result-source]")).getText())
                .isEqualTo("<b onmouseover=\"window.__xss='source'\">github</b>");

        String before = driver.getCurrentUrl();
        link.click();
        new Actions(driver).moveToElement(hits.get(0).findElement(By.cssSelector("[data-testid=result-source]")))
                .perform();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined"))
                .as("no script from a hit ran").isEqualTo(true);
        assertThat(driver.getCurrentUrl()).isEqualTo(before);
        assertThat(driver.getWindowHandles()).as("no tab opened").hasSize(1);
    }

    @Test
    void aSearchWhileASyncRunsSaysHowFarIndexingIs() {
        open();
        signIn("bob", "demo");
        answerSearchesWith("""
                {"total": 0, "took_ms": 1, "notices": [], "hits": [], "indexing": {"percent": 40}}""");
        search("runway");

        assertThat(driver.findElement(By.id("notices")).getText())
                .contains("Indexing is in progress (40% done)");
    }

    /** Makes the page's searches get this response, as if from {@code /api/search}; other requests go out. */
    private void answerSearchesWith(String response) {
        ((JavascriptExecutor) driver).executeScript("""
                const body = arguments[0];
                const realFetch = window.fetch;
                window.fetch = (input, init) => String(input).startsWith('/api/search')
                    ? Promise.resolve(new Response(body, {status: 200, headers: {'Content-Type': 'application/json'}}))
                    : realFetch(input, init);
                """, response);
    }

    @Test
    void wrongPasswordShowsAnError() {
        open();
        signInWith("bob", "not-the-password");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).contains("Wrong username or password");
        assertThat(byId("sign-in-form").isDisplayed()).isTrue();
        assertThat(byId("user-name").isDisplayed()).isFalse();
    }

    @Test
    void aThrottledSignInSaysHowLongToWait() {
        driver.get(base.toString() + "?login=throttled&retry_after=120");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).isEqualTo("Too many failed sign-ins. Wait 2 minutes and try again.");
        assertThat(driver.getCurrentUrl()).as("shown once").doesNotContain("login=");
    }

    @Test
    void slashFocusesTheSearchBoxAndArrowsWalkTheResults() {
        open();
        signIn("bob", "demo");

        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur();");
        assertThat(activeId()).isNotEqualTo("q");
        new Actions(driver).sendKeys("/").perform();
        wait.until(d -> "q".equals(activeId()));
        assertThat(byId("q").getDomProperty("value")).as("the slash is a shortcut, not typed").isEmpty();

        search("runway");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        WebElement first = linkOf(hits().get(0));
        wait.until(d -> Objects.equals(first.getDomAttribute("id"), activeId()));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> "q".equals(activeId()));
    }

    // ------------------------------------------------------------------------------------------------

    private void open() {
        driver.get(base.toString());
        wait.until(d -> !"loading".equals(d.findElement(By.tagName("body")).getDomAttribute("data-view")));
    }

    private void signInWith(String username, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        WebElement user = byId("username");
        user.clear();
        user.sendKeys(username);
        byId("password").sendKeys(password);
        byId("sign-in-submit").click();
    }

    private void signIn(String username, String password) {
        signInWith(username, password);
        wait.until(ExpectedConditions.textToBe(By.id("user-name"), username));
        assertThat(byId("user-name").isDisplayed()).as("the header shows who is signed in").isTrue();
    }

    /** Types the query, presses Enter, waits until that query's results (or its empty state) are shown. */
    private void search(String query) {
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

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results [data-testid=result]"));
    }

    private static WebElement linkOf(WebElement hit) {
        return hit.findElement(By.cssSelector("[data-testid=result-link]"));
    }

    private WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private String activeId() {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
