package dev.sextant.gateway;

import static dev.sextant.gateway.PageBrowser.linkOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The answer panel in a real browser: it streams the tokens of {@code POST /api/answer} as text above the
 * results, turns citations into chips linked to the cited hits, stops on Stop, says when no LLM is
 * configured, shows a refusal plainly, and renders markup in tokens, titles and notices inert.
 *
 * <p>The page's fetch of {@code /api/answer} is answered in the browser by a scripted event stream
 * ({@link #FAKE_ANSWER}): token events, each sent in two pieces so that events cross chunks, then the done
 * event, either given up front or sent when the test calls {@code window.__answer.release(final)}.
 */
@QuarkusTest
class AnswerPanelBrowserTest extends PageBrowserTest {

    /**
     * arguments: the tokens, the final object as JSON (null: wait for release), an HTTP status (not 200: a JSON
     * error body of the final object's "error" instead of a stream). Records requests and aborts in
     * window.__answer.
     */
    private static final String FAKE_ANSWER = """
            const [tokens, finalJson, status] = arguments;
            const fake = window.__answer = {requests: [], aborted: false, streamed: false, release: null};
            const realFetch = window.fetch;
            window.fetch = (input, init) => {
              if (!String(input).startsWith('/api/answer')) return realFetch(input, init);
              fake.requests.push({method: init.method, accept: init.headers.Accept, body: init.body,
                                  credentials: init.credentials});
              if (status !== 200) {
                return Promise.resolve(new Response(finalJson,
                    {status, headers: {'Content-Type': 'application/json'}}));
              }
              const encoder = new TextEncoder();
              const send = (c, type, data) => {
                const event = `event: ${type}\\r\\ndata: ${JSON.stringify(data)}\\r\\n\\r\\n`;
                const half = Math.floor(event.length / 2);
                c.enqueue(encoder.encode(event.slice(0, half)));
                c.enqueue(encoder.encode(event.slice(half)));
              };
              const body = new ReadableStream({
                async start(c) {
                  init.signal.addEventListener('abort', () => {
                    fake.aborted = true;
                    c.error(new DOMException('The user aborted a request.', 'AbortError'));
                  });
                  c.enqueue(encoder.encode(': stream open\\n\\n'));
                  for (const text of tokens) {
                    await new Promise((resolve) => setTimeout(resolve, 40));
                    if (fake.aborted) return;
                    send(c, 'token', {text});
                  }
                  fake.streamed = true;
                  fake.release = (final) => {
                    if (fake.aborted) return;
                    send(c, 'done', final);
                    c.close();
                  };
                  if (finalJson !== null) fake.release(JSON.parse(finalJson));
                }
              });
              return Promise.resolve(new Response(body,
                  {status: 200, headers: {'Content-Type': 'text/event-stream'}}));
            };
            """;


    @Test
    void anAnswerStreamsAboveTheResultsAndItsChipsLeadToTheCitedHits() throws IOException {
        signedInAs("bob");
        fakeAnswer(List.of("The 2026 budget is set ", "per department [1]", ", and engineering keeps to it [2]."),
                null);
        browser.search("budget");

        browser.await().until(d -> Boolean.TRUE.equals(browser.script("return window.__answer.streamed"))
                && text("answer-text").contains("engineering keeps to it"));
        assertThat(answerState()).isEqualTo("streaming");
        assertThat(text("answer-text")).startsWith("The 2026 budget is set per department");
        assertThat(browser.byId("answer-stop").isDisplayed()).as("Stop while it streams").isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("#answer-text .cite-pending")))
                .as("markers are pending chips until the citations are known").hasSize(2);
        assertThat(chips()).isEmpty();
        browser.screenshot("answer-streaming.png");
        assertThat(browser.byId("answer").getLocation().getY())
                .as("the panel is above the results").isLessThan(browser.hits().get(0).getLocation().getY());

        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) browser.script("return window.__answer.requests[0]");
        assertThat(request).containsEntry("method", "POST").containsEntry("accept", "text/event-stream")
                .containsEntry("body", "{\"query\":\"budget\"}").containsEntry("credentials", "same-origin");

        List<WebElement> hits = browser.hits();
        assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
        WebElement first = hits.get(0);
        WebElement second = hits.get(1);
        browser.script("window.__answer.release(JSON.parse(arguments[0]))", """
                {"answer": "The 2026 budget is set per department [1], and engineering keeps to it [2].",
                 "citations": [%s, %s], "stages": [], "llm": true,
                 "usage": {"input_tokens": 812, "output_tokens": 21}, "notices": []}"""
                .formatted(citation(1, first), citation(2, second)));

        browser.await().until(d -> "done".equals(answerState()));
        List<WebElement> chips = chips();
        assertThat(chips).extracting(WebElement::getText).containsExactly("1", "2");
        assertThat(chips).extracting(chip -> chip.getDomAttribute("href"))
                .containsExactly(linkOf(first).getDomAttribute("href"), linkOf(second).getDomAttribute("href"));
        assertThat(chips.get(0).getDomAttribute("target")).isEqualTo("_blank");
        assertThat(sourceTitles()).containsExactly(linkOf(first).getText(), linkOf(second).getText());
        assertThat(browser.byId("answer-stop").isDisplayed()).isFalse();
        assertThat(browser.byId("answer-notice").isDisplayed()).as("an LLM wrote it: no notice").isFalse();
        assertThat(browser.byId("answer").getDomAttribute("data-llm")).isEqualTo("true");

        chips.get(1).click();
        browser.await().until(d -> second.getDomAttribute("class").contains("hit-cited"));
        assertThat(first.getDomAttribute("class")).doesNotContain("hit-cited");
        closeOtherTabs();
        browser.screenshot("answer-panel.png");
    }

    @Test
    void followingACitationOpensTheCitedDocument() {
        signedInAs("bob");
        String q3 = base + "favicon.svg?doc=q3";
        String plan = base + "favicon.svg?doc=plan";
        browser.answerSearchesWith("""
                {"total": 2, "took_ms": 3, "notices": [], "hits": [
                  {"doc_id": "q3", "title": "Q3 2026 report", "url": "%s", "source": "confluence", "snippet": "<mark>runway</mark> 14 months"},
                  {"doc_id": "plan", "title": "Hiring plan", "url": "%s", "source": "confluence", "snippet": "paced to the <mark>runway</mark>"}
                ]}""".formatted(q3, plan));
        fakeAnswer(List.of("Runway is 14 months [2]."), """
                {"answer": "Runway is 14 months [2].", "citations": [
                  {"n": 2, "doc_id": "plan", "title": "Hiring plan", "url": "%s", "snippet": "paced"}],
                 "stages": [], "llm": true, "usage": null, "notices": []}""".formatted(plan));
        browser.search("runway");
        browser.await().until(d -> "done".equals(answerState()));

        String page = browser.driver().getWindowHandle();
        chips().get(0).click();
        browser.await().until(d -> d.getWindowHandles().size() == 2);
        assertThat(browser.hits().get(1).getDomAttribute("class")).contains("hit-cited");
        String tab = browser.driver().getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.driver().switchTo().window(tab);
        browser.await().until(d -> plan.equals(d.getCurrentUrl()));
        browser.driver().close();
        browser.driver().switchTo().window(page);
    }

    @Test
    void stopEndsTheStreamAndSaysStopped() throws IOException {
        signedInAs("bob");
        fakeAnswer(List.of("Runway is ", "14 months [1]"), null);
        browser.search("runway");
        browser.await().until(d -> text("answer-text").contains("14 months"));

        browser.byId("answer-stop").click();

        browser.await().until(d -> "stopped".equals(answerState()));
        assertThat(browser.script("return window.__answer.aborted")).as("the request was aborted").isEqualTo(true);
        assertThat(text("answer-status")).isEqualTo("Stopped");
        assertThat(text("answer-text")).as("what came stays, its marker as text").isEqualTo("Runway is 14 months [1]");
        assertThat(browser.driver().findElements(By.cssSelector("#answer-text .cite"))).isEmpty();
        assertThat(browser.byId("answer-stop").isDisplayed()).isFalse();
        assertThat(browser.hits()).as("the results stay").isNotEmpty();
        browser.screenshot("answer-stopped.png");
    }

    @Test
    void withoutAnLlmThePanelSaysItShowsTheBestPassages() throws IOException {
        signedInAs("bob");
        fakeAnswer(List.of(), """
                {"answer": "Our runway is 14 months at the current burn rate. [1]", "citations": [
                  {"n": 1, "doc_id": "q3", "title": "Q3 2026 report", "url": "https://wiki.example.com/q3", "snippet": "x"}],
                 "stages": [{"tag": "llm-listwise", "outcome": "skipped: not configured", "millis": 0, "candidates": 0, "tokens": 0}],
                 "llm": false, "usage": null,
                 "notices": ["The LLM reranker was skipped: not configured", "no LLM is configured: these are the best passages"]}""");
        browser.search("runway");
        browser.await().until(d -> "done".equals(answerState()));

        assertThat(browser.byId("answer").getDomAttribute("data-llm")).isEqualTo("false");
        assertThat(text("answer-notice")).isEqualTo("No LLM configured — showing the best passages");
        assertThat(text("answer-text")).isEqualTo("Our runway is 14 months at the current burn rate. 1");
        assertThat(chips()).extracting(chip -> chip.getDomAttribute("href")).containsExactly("https://wiki.example.com/q3");
        assertThat(text("answer-notices")).as("the panel says it has no LLM once")
                .isEqualTo("The LLM reranker was skipped: not configured");
        browser.screenshot("answer-no-llm.png");
    }

    @Test
    void aRefusedAnswerSaysWhyAndTheResultsStay() {
        signedInAs("bob");
        fakeAnswer(List.of(), "{\"error\": \"the answer service is rate limited: try again in 20 s\"}", 429);
        browser.search("runway");
        browser.await().until(d -> "error".equals(answerState()));

        assertThat(text("answer-error")).isEqualTo("the answer service is rate limited: try again in 20 s");
        assertThat(browser.byId("search-error").isDisplayed()).isFalse();
        assertThat(browser.hits()).isNotEmpty();
    }

    /**
     * Tokens and citations come from an LLM that read the sources, so they may carry markup: it must show as
     * text, build no element, and a javascript: or data: citation URL must become no link.
     */
    @Test
    void markupInTokensCitationsAndNoticesRendersInert() {
        signedInAs("bob");
        List<String> tokens = List.of("See <img src=x onerror=\"window.__xss='token'\">",
                "<script>window.__xss='script'</script> [1] and [2] <b onmouseover=\"window.__xss='b'\">bold</b>");
        fakeAnswer(tokens, """
                {"answer": "", "citations": [
                  {"n": 1, "doc_id": "h1", "title": "<img src=x onerror=\\"window.__xss='title'\\">Evil", "url": "javascript:window.__xss='chip'"},
                  {"n": 2, "doc_id": "h2", "title": "<svg onload=\\"window.__xss='svg'\\"></svg>Data", "url": " data:text/html,<script>alert(1)</script>"}],
                 "stages": [], "llm": true, "usage": null,
                 "notices": ["<img src=x onerror=\\"window.__xss='notice'\\">"]}""");
        browser.search("runway");
        browser.await().until(d -> "done".equals(answerState()));

        assertThat(text("answer-text")).as("an empty final answer keeps what streamed, as text")
                .isEqualTo("See <img src=x onerror=\"window.__xss='token'\"><script>window.__xss='script'</script> 1 "
                        + "and 2 <b onmouseover=\"window.__xss='b'\">bold</b>");
        List<WebElement> chips = chips();
        assertThat(chips).hasSize(2).allSatisfy(chip -> {
            assertThat(chip.getTagName()).as("no link to a javascript: or data: URL").isEqualTo("button");
            assertThat(chip.getDomAttribute("href")).isNull();
        });
        assertThat(sourceTitles()).containsExactly("<img src=x onerror=\"window.__xss='title'\">Evil",
                "<svg onload=\"window.__xss='svg'\"></svg>Data");
        assertThat(text("answer-notices")).isEqualTo("<img src=x onerror=\"window.__xss='notice'\">");
        assertThat(browser.driver().findElements(By.cssSelector(
                "#answer img, #answer script, #answer svg, #answer b, #answer [onerror], #answer [onload], "
                        + "#answer [onmouseover], #answer a[href^=javascript], #answer a[href*='data:']")))
                .as("no element built from the answer's markup").isEmpty();

        Set<String> before = browser.driver().getWindowHandles();
        chips.get(0).click();
        chips.get(1).click();
        new Actions(browser.driver()).moveToElement(browser.byId("answer-text")).perform();
        assertThat(browser.script("return window.__xss === undefined")).as("no script from the answer ran")
                .isEqualTo(true);
        assertThat(browser.driver().getWindowHandles()).as("no tab opened").isEqualTo(before);
    }

    /** Without the fake: the page's own POST reaches the server past the cross-site check, as the signed-in reader. */
    @Test
    void thePagesAnswerRequestPassesTheOriginCheckWithTheSession() {
        signedInAs("bob");
        browser.script("""
                const realFetch = window.fetch;
                window.__answerStatus = null;
                window.fetch = async (input, init) => {
                  const res = await realFetch(input, init);
                  if (String(input).startsWith('/api/answer')) window.__answerStatus = res.status;
                  return res;
                };
                """);
        browser.search("runway");
        browser.await().until(d -> browser.script("return window.__answerStatus") != null);

        // 404 until the answer endpoint is merged, 200 after; never refused as cross-site or unauthenticated.
        assertThat(((Number) browser.script("return window.__answerStatus")).intValue()).isNotIn(401, 403);
    }

    // ------------------------------------------------------------------------------------------------

    private void signedInAs(String username) {
        browser.open();
        browser.signIn(username, "demo");
    }

    private void fakeAnswer(List<String> tokens, String finalJson) {
        fakeAnswer(tokens, finalJson, 200);
    }

    private void fakeAnswer(List<String> tokens, String finalJson, int status) {
        browser.script(FAKE_ANSWER, tokens, finalJson, status);
    }

    private static String citation(int n, WebElement hit) {
        WebElement link = linkOf(hit);
        return "{\"n\": %d, \"doc_id\": %s, \"title\": %s, \"url\": %s, \"snippet\": \"\"}".formatted(n,
                json(hit.getDomAttribute("data-doc-id")), json(link.getText()), json(link.getDomAttribute("href")));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private List<WebElement> chips() {
        return browser.driver().findElements(By.cssSelector("#answer-text [data-testid=citation-chip]"));
    }

    private List<String> sourceTitles() {
        return browser.driver().findElements(By.cssSelector("#answer-sources [data-testid=answer-source] .source-title"))
                .stream().map(WebElement::getText).toList();
    }

    private String answerState() {
        return browser.byId("answer").getDomAttribute("data-state");
    }

    private String text(String id) {
        return browser.byId(id).getText();
    }

    /** A file: chip may open a tab the browser then refuses to load; the screenshot wants the page. */
    private void closeOtherTabs() {
        String page = browser.driver().getWindowHandle();
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(page)) {
                browser.driver().switchTo().window(handle).close();
            }
        }
        browser.driver().switchTo().window(page);
    }
}
