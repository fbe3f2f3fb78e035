package dev.sextant.gateway;

import static dev.sextant.gateway.PageBrowser.linkOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real browser (Debian's headless Chromium through its chromedriver): sign in with the
 * form on the page, search, see only what the person may read, sign out, keyboard shortcuts, and hits carrying
 * markup or javascript: URLs rendering inert.
 *
 * <p>Skipped where headless Chromium is missing (see {@link PageBrowser}).
 */
@QuarkusTest
class SearchPageBrowserTest extends PageBrowserTest {

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void driverAndWait() {
        driver = browser.driver();
        wait = browser.await();
    }

    @Test
    void financeSignsInAndFindsTheQ3Report() throws IOException {
        browser.open();
        assertThat(browser.byId("sign-in-form").isDisplayed()).as("sign-in form on a fresh visit").isTrue();
        assertThat(browser.byId("demo-hint").getText()).contains("alice", "bob", "demo");

        browser.signIn("bob", "demo");
        browser.search("runway");

        WebElement report = wait.until(d -> browser.hits().stream()
                .filter(hit -> linkOf(hit).getText().contains("Q3 2026"))
                .findFirst().orElse(null));
        assertThat(report.findElements(By.cssSelector("[data-testid=result-snippet] mark")))
                .as("the matched term is highlighted in the snippet").isNotEmpty();
        assertThat(linkOf(report).getDomAttribute("href")).contains("/finance/");
        assertThat(linkOf(report).getDomAttribute("target")).isEqualTo("_blank");
        assertThat(browser.byId("result-status").getText()).containsPattern("\\d+ results?");
        assertThat(driver.getCurrentUrl()).contains("q=runway");
        browser.screenshot("search-page.png");
    }

    @Test
    void signingOutBringsBackTheSignInForm() {
        browser.open();
        browser.signIn("bob", "demo");
        browser.search("runway");

        browser.byId("sign-out").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("user-name")));
        assertThat(browser.byId("q").isDisplayed()).as("no search box once signed out").isFalse();
        assertThat(driver.findElements(By.cssSelector("[data-testid=result]"))).isEmpty();
    }

    @Test
    void engineeringNeverSeesFinanceDocuments() {
        browser.open();
        browser.signIn("alice", "demo");
        browser.search("budget");

        List<String> hrefs = browser.hits().stream().map(hit -> linkOf(hit).getDomAttribute("href"))
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
        browser.open();
        browser.signIn("bob", "demo");
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
        browser.answerSearchesWith(response);
        browser.search("payload");

        List<WebElement> hits = browser.hits();
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
        assertThat(browser.script("return window.__xss === undefined"))
                .as("no script from a hit ran").isEqualTo(true);
        assertThat(driver.getCurrentUrl()).isEqualTo(before);
        assertThat(driver.getWindowHandles()).as("no tab opened").hasSize(1);
    }

    @Test
    void aSearchWhileASyncRunsSaysHowFarIndexingIs() {
        browser.open();
        browser.signIn("bob", "demo");
        browser.answerSearchesWith("""
                {"total": 0, "took_ms": 1, "notices": [], "hits": [], "indexing": {"percent": 40}}""");
        browser.search("runway");

        assertThat(driver.findElement(By.id("notices")).getText())
                .contains("Indexing is in progress (40% done)");
    }

    @Test
    void wrongPasswordShowsAnError() {
        browser.open();
        browser.signInWith("bob", "not-the-password");

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(error.getText()).contains("Wrong username or password");
        assertThat(browser.byId("sign-in-form").isDisplayed()).isTrue();
        assertThat(browser.byId("user-name").isDisplayed()).isFalse();
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
        browser.open();
        browser.signIn("bob", "demo");

        browser.script("document.activeElement.blur();");
        assertThat(browser.activeId()).isNotEqualTo("q");
        new Actions(driver).sendKeys("/").perform();
        wait.until(d -> "q".equals(browser.activeId()));
        assertThat(browser.byId("q").getDomProperty("value")).as("the slash is a shortcut, not typed").isEmpty();

        browser.search("runway");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        WebElement first = linkOf(browser.hits().get(0));
        wait.until(d -> Objects.equals(first.getDomAttribute("id"), browser.activeId()));
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(d -> "q".equals(browser.activeId()));
    }
}
