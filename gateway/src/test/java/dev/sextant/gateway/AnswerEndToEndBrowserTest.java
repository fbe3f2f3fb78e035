package dev.sextant.gateway;

import static dev.sextant.gateway.PageBrowser.linkOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.sextant.gateway.llm.LlmModels;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The answer panel against the real {@code POST /api/answer}, nothing in the page faked: the server's own event
 * stream (extractive without an LLM) reaches the panel, its chips lead to the cited hits, a reader's answer
 * never shows what only others may read, and Stop in the middle of a real stream leaves the page usable.
 *
 * <p>The page is only watched ({@link #WATCH}): its answer fetch goes out unchanged and its panel's states and
 * text are recorded as they change.
 */
@QuarkusTest
class AnswerEndToEndBrowserTest extends PageBrowserTest {

    private static final String QUERY = "Q3 2026 revenue runway";
    private static final String Q3_REPORT = "/finance/q3-2026-financial-report";

    /**
     * Records each state the answer panel passes through, the text it showed while streaming, the status and
     * type of the answer response, and the URL of any link the page follows.
     */
    private static final String WATCH = """
            const watch = window.__watch = {states: [], streamingTexts: [], answers: [], followed: null};
            const panel = document.getElementById('answer');
            const text = document.getElementById('answer-text');
            new MutationObserver(() => {
              const state = panel.dataset.state;
              if (watch.states[watch.states.length - 1] !== state) watch.states.push(state);
              const shown = text.textContent;
              const last = watch.streamingTexts[watch.streamingTexts.length - 1];
              if (state === 'streaming' && shown && shown !== last) watch.streamingTexts.push(shown);
            }).observe(panel, {attributes: true, attributeFilter: ['data-state'], childList: true, subtree: true,
                               characterData: true});
            document.addEventListener('click', (e) => {
              const link = e.target.closest && e.target.closest('a[href]');
              if (link) watch.followed = link.href;
            }, true);
            const realFetch = window.fetch;
            window.fetch = async (input, init) => {
              const res = await realFetch(input, init);
              if (String(input).startsWith('/api/answer')) {
                watch.answers.push({status: res.status, type: res.headers.get('Content-Type')});
              }
              return res;
            };
            """;


    @Test
    void bobsExtractiveAnswerStreamsFromTheServerAndItsChipLeadsToTheQ3Report() throws IOException {
        signedInAndWatched("bob");
        browser.search(QUERY);
        browser.await().until(d -> !"streaming".equals(answerState()));

        assertThat(answerState()).as("the answer failed: %s", text("answer-error")).isEqualTo("done");
        assertThat(this.<String>watched("states")).as("the panel streamed, then finished").containsExactly("streaming", "done");
        List<Map<String, Object>> answers = watched("answers");
        assertThat(answers).as("the page's own answer requests").hasSize(1);
        Map<String, Object> response = answers.getFirst();
        assertThat(response.get("status")).isEqualTo(200L);
        assertThat((String) response.get("type")).startsWith("text/event-stream");

        JsonPath server = finalEvent("bob", QUERY);
        assertThat(server.getBoolean("llm")).isFalse();
        List<Integer> cited = server.getList("citations.n", Integer.class);
        assertThat(cited).isNotEmpty();
        assertThat(answerText()).as("the server's answer, its markers as chips")
                .isEqualTo(withChips(server.getString("answer"), cited));

        assertThat(browser.byId("answer").getDomAttribute("data-llm")).isEqualTo("false");
        assertThat(text("answer-notice")).isEqualTo("No LLM configured — showing the best passages");
        assertThat(browser.byId("answer-notice").isDisplayed()).isTrue();
        assertThat(text("answer-notices")).as("the page says it has no LLM once").doesNotContainIgnoringCase("no LLM");
        assertThat(browser.byId("answer-stop").isDisplayed()).isFalse();

        List<WebElement> chips = chips();
        assertThat(chips).extracting(WebElement::getText)
                .containsExactlyElementsOf(cited.stream().map(String::valueOf).toList());
        assertThat(chips).extracting(chip -> chip.getDomAttribute("href"))
                .containsExactlyElementsOf(server.getList("citations.url", String.class));
        WebElement chip = chips.stream().filter(c -> c.getDomAttribute("href").contains(Q3_REPORT)).findFirst()
                .orElseThrow(() -> new AssertionError("no chip cites the Q3 report: " + server.get("citations")));
        WebElement hit = browser.hits().stream().filter(h -> linkOf(h).getDomAttribute("href").contains(Q3_REPORT))
                .findFirst().orElseThrow(() -> new AssertionError("bob's results lack the Q3 report"));
        assertThat(chip.getDomAttribute("href")).as("the chip links to the hit's own URL")
                .isEqualTo(linkOf(hit).getDomAttribute("href"));
        assertThat(chip.getDomAttribute("data-cite")).isNotNull();
        assertThat(browser.driver().findElements(By.cssSelector("#results .hit-cited"))).isEmpty();
        browser.screenshot("answer-e2e-bob.png");

        String page = browser.driver().getWindowHandle();
        chip.click();
        browser.await().until(d -> hit.getDomAttribute("class").contains("hit-cited"));
        assertThat(browser.driver().findElements(By.cssSelector("#results .hit-cited"))).as("only the cited hit")
                .hasSize(1);
        assertThat((String) browser.script("return window.__watch.followed")).as("the link the browser followed")
                .isEqualTo(linkOf(hit).getDomProperty("href"));
        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(page)) {
                browser.driver().switchTo().window(handle).close();
            }
        }
        browser.driver().switchTo().window(page);
    }

    @Test
    void alicesAnswerToTheSameQuestionNeverShowsTheFinanceReport() throws IOException {
        signedInAndWatched("alice");
        browser.search(QUERY);
        browser.await().until(d -> !"streaming".equals(answerState()));
        assertThat(answerState()).as("the answer failed: %s", text("answer-error")).isEqualTo("done");

        JsonPath server = finalEvent("alice", QUERY);
        assertThat(answerText()).isEqualTo(withChips(server.getString("answer"), server.getList("citations.n", Integer.class)));
        String panel = browser.byId("answer").getText();
        assertThat(panel).doesNotContain("4.2 million").doesNotContain("26 months").doesNotContainIgnoringCase("Q3 2026 financial");
        List<String> hrefs = browser.driver().findElements(By.cssSelector("#answer a[href]")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(hrefs).noneMatch(href -> href.contains("/finance/"));
        List<String> readable = browser.hits().stream().map(h -> linkOf(h).getDomAttribute("href")).toList();
        assertThat(readable).noneMatch(href -> href.contains("/finance/"));
        assertThat(chips()).as("alice's answer cites only her own results").isNotEmpty()
                .allSatisfy(chip -> assertThat(readable).contains(chip.getDomAttribute("href")));
        browser.screenshot("answer-e2e-alice.png");
    }

    @Test
    void stopInTheMiddleOfARealStreamLeavesThePageUsable() throws IOException {
        SlowWriter writer = new SlowWriter();
        QuarkusMock.installMockForType(writer.models(), LlmModels.class);
        signedInAndWatched("bob");
        browser.search(QUERY);
        browser.await().until(d -> text("answer-text").contains(SlowWriter.TOKENS.get(2).strip()));

        assertThat(answerState()).isEqualTo("streaming");
        assertThat(browser.byId("answer-stop").isDisplayed()).isTrue();
        browser.byId("answer-stop").click();
        browser.await().until(d -> "stopped".equals(answerState()));

        String stopped = answerText();
        assertThat(text("answer-status")).isEqualTo("Stopped");
        assertThat(stopped).as("what came stays").startsWith(String.join("", SlowWriter.TOKENS.subList(0, 3)))
                .isNotEqualTo(String.join("", SlowWriter.TOKENS));
        assertThat(this.<String>watched("streamingTexts")).as("the text grew token by token").hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.byId("answer-stop").isDisplayed()).isFalse();
        assertThat(browser.hits()).as("the results stay").isNotEmpty();
        sleep(3 * SlowWriter.PAUSE_MS);
        assertThat(answerText()).as("nothing is added after Stop").isEqualTo(stopped);
        assertThat(answerState()).isEqualTo("stopped");

        browser.search("Beacon 3.0");
        browser.await().until(d -> "done".equals(answerState()));
        assertThat(writer.calls.get()).isEqualTo(2);
        assertThat(answerText()).isEqualTo("Beacon 3.0 is out 1.");
        assertThat(browser.byId("answer").getDomAttribute("data-llm")).isEqualTo("true");
        assertThat(chips()).singleElement().satisfies(chip -> assertThat(chip.getDomAttribute("href"))
                .isEqualTo(linkOf(browser.hits().get(0)).getDomAttribute("href")));
        assertThat(browser.byId("results-panel").getDomAttribute("data-query")).isEqualTo("Beacon 3.0");
        browser.screenshot("answer-e2e-after-stop.png");
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * A language model for the answer writer: the first answer streams a token every {@link #PAUSE_MS} (long
     * enough to press Stop), later ones come at once.
     */
    private static final class SlowWriter implements StreamingChatModel {
        static final long PAUSE_MS = 300;
        static final List<String> TOKENS = List.of("Runway ", "is ", "fourteen ", "months ", "at ", "the ",
                "current ", "burn ", "rate ", "[1]", ", ", "and ", "hiring ", "follows ", "it.");
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            if (calls.incrementAndGet() > 1) {
                handler.onPartialResponse("Beacon 3.0 is out [1].");
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Beacon 3.0 is out [1].")).build());
                return;
            }
            Thread.ofVirtual().name("slow-answer").start(() -> {
                for (String token : TOKENS) {
                    sleep(PAUSE_MS);
                    handler.onPartialResponse(token);
                }
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", TOKENS))).build());
            });
        }

        LlmModels models() {
            StreamingChatModel self = this;
            return new LlmModels() {
                @Override
                public Optional<ChatModel> chat() {
                    return Optional.empty();
                }

                @Override
                public Optional<StreamingChatModel> streaming() {
                    return Optional.of(self);
                }
            };
        }
    }

    private void signedInAndWatched(String username) {
        browser.open();
        browser.signIn(username, "demo");
        browser.script(WATCH);
    }

    /** The done event's object of the server's own stream for this reader and query. */
    private static JsonPath finalEvent(String user, String query) {
        String body = given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON)
                .accept("text/event-stream").body(Map.of("query", query))
                .post("/api/answer").then().statusCode(200).extract().asString();
        List<AnswerSse.Event> events = AnswerSse.events(body);
        assertThat(events).isNotEmpty();
        assertThat(events.getLast().name()).isEqualTo("done");
        return new JsonPath(events.getLast().data());
    }

    /** The answer as the panel shows it: each cited marker [n] becomes the chip n. */
    private static String withChips(String answer, List<Integer> cited) {
        String shown = answer;
        for (int n : cited) {
            shown = shown.replace("[" + n + "]", String.valueOf(n));
        }
        return shown;
    }

    private List<WebElement> chips() {
        return browser.driver().findElements(By.cssSelector("#answer-text [data-testid=citation-chip]"));
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> watched(String what) {
        return (List<T>) browser.script("return window.__watch[arguments[0]]", what);
    }

    private String answerState() {
        return browser.byId("answer").getDomAttribute("data-state");
    }

    /** The panel's text as it is, line breaks included (getText would fold the white space). */
    private String answerText() {
        return (String) browser.script("return document.getElementById('answer-text').textContent");
    }

    private String text(String id) {
        return browser.byId(id).getText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
