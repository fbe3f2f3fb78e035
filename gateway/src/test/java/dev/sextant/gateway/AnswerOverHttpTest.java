package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers written by LangChain4j's OpenAI client against a local OpenAI-compatible fake, over HTTP. */
@QuarkusTest
@TestProfile(AnswerOverHttpTest.OverHttp.class)
class AnswerOverHttpTest {

    /** The demo corpus and one hostile document; the LLM is the fake ({@link AnswerOverHttpServer}). */
    public static class OverHttp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AnswerOverHttpServer.class));
        }
    }

    static final String QUERY = "Q3 2026 revenue runway budget";

    OpenAiFake fake;

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
        fake.clearRequests();
    }

    static List<AnswerSse.Event> stream(String user, String path, Object body) {
        String sse = given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON)
                .accept("text/event-stream").body(body).post(path).then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().asString();
        List<AnswerSse.Event> events = AnswerSse.events(sse);
        assertThat(events).as("the stream's events").isNotEmpty();
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(events.subList(0, events.size() - 1)).extracting(AnswerSse.Event::name).containsOnly("token");
        return events;
    }

    static String streamed(List<AnswerSse.Event> events) {
        StringBuilder text = new StringBuilder();
        events.subList(0, events.size() - 1).forEach(e -> text.append(new JsonPath(e.data()).getString("text")));
        return text.toString();
    }

    static JsonPath done(List<AnswerSse.Event> events) {
        return new JsonPath(events.getLast().data());
    }

    private static JsonPath answer(String user, String query) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", query)).post("/api/answer").then().statusCode(200).extract().jsonPath();
    }

    /** The reader's own search page, as the answer's writer reads it (the first eight hits). */
    static List<String> hits(String user, String query) {
        return given().auth().preemptive().basic(user, "demo").queryParam("q", query).queryParam("limit", 8)
                .get("/api/search").then().statusCode(200).extract().jsonPath().getList("hits.doc_id", String.class);
    }

    private static int tokens(int chars) {
        return (chars + 3) / 4;
    }

    @Test
    void aStreamedAnswerArrivesAsTokensThenDoneWithCitationsOfTheReadersHitsAndTheFakesUsage() {
        String reply = "Runway is 26 months [1], revenue grew [2][42].";
        fake.script(Reply.stream("Runway is 26 ", "months [", "1], revenue", " grew [2][4", "2]."));

        List<AnswerSse.Event> events = stream("bob", "/api/answer", Map.of("query", QUERY));

        assertThat(events.size()).as("several token events, then done").isGreaterThanOrEqualTo(4);
        JsonPath done = done(events);
        assertThat(done.getString("answer")).isEqualTo(streamed(events))
                .isEqualTo("Runway is 26 months [1], revenue grew [2].");
        assertThat(done.getBoolean("llm")).isTrue();
        List<String> hits = hits("bob", QUERY);
        assertThat(done.getList("citations.n", Integer.class)).containsExactly(1, 2);
        assertThat(done.getList("citations.doc_id", String.class)).containsExactly(hits.get(0), hits.get(1));
        assertThat(done.getList("notices", String.class)).contains("the model cited [42], which it was not given; removed");
        OpenAiFake.Request request = fake.requests().getFirst();
        assertThat(fake.requests()).hasSize(1);
        assertThat(request.body().path("stream").asBoolean()).isTrue();
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        int promptChars = request.content("system").length() + request.content("user").length();
        assertThat(done.getInt("usage.input_tokens")).isEqualTo(tokens(promptChars)).isGreaterThan(100);
        assertThat(done.getInt("usage.output_tokens")).isEqualTo(tokens(reply.length()));
    }

    @Test
    void onlyAlicesPassagesReachTheFakeAndAHostileDocumentStaysInsideTheDelimiters() {
        fake.script(Reply.content("The documents do not contain the answer."));

        JsonPath alice = answer("alice", QUERY);

        assertThat(alice.getBoolean("llm")).isTrue();
        String prompt = fake.requests().getFirst().content("user");
        assertThat(prompt).doesNotContain("4.2 million").doesNotContain("26 months")
                .doesNotContain("Q3 2026 Financial Report");
        List<String> hits = hits("alice", QUERY);
        assertThat(hits).noneMatch(id -> id.contains("/finance/"))
                .anyMatch(id -> id.endsWith(AnswerOverHttpServer.HOSTILE));
        assertThat(prompt.split("<source n=\"", -1)).as("one source per hit").hasSize(hits.size() + 1);
        int orders = prompt.indexOf(AnswerOverHttpServer.ORDERS);
        assertThat(orders).as("the hostile text is in the prompt").isPositive();
        assertThat(prompt.indexOf("<sources>")).isLessThan(orders);
        assertThat(prompt.indexOf("</sources>")).as("the document's own closing tag was removed").isGreaterThan(orders)
                .isEqualTo(prompt.lastIndexOf("</sources>"));
        assertThat(prompt).endsWith("Question: " + QUERY);
    }

    @Test
    void aStreamCutMidAnswerEndsItWithANoticeAndTheTextSoFar() {
        fake.script(Reply.cutAfter("Runway is ", "26 months [1]", " and"));

        List<AnswerSse.Event> events = stream("bob", "/api/answer", Map.of("query", QUERY));

        JsonPath done = done(events);
        assertThat(done.getString("answer")).isEqualTo("Runway is 26 months [1] and").isEqualTo(streamed(events));
        assertThat(done.getBoolean("llm")).isTrue();
        assertThat(done.getList("citations.n", Integer.class)).containsExactly(1);
        assertThat(done.getList("notices", String.class))
                .anyMatch(n -> n.startsWith("the model failed mid-answer (") && n.endsWith("the answer ends where it stopped"));
    }

    @Test
    void a429FallsBackToTheBestPassagesSayingTheEndpointIsRateLimiting() {
        fake.script(Reply.rateLimited(Duration.ofSeconds(20)));

        JsonPath bob = answer("bob", QUERY);

        assertFallback(bob, "the model could not answer (the endpoint is rate limiting requests (HTTP 429)): "
                + "these are the best passages instead");
    }

    @Test
    void a500FallsBackToTheBestPassagesWithTheEndpointsMessage() {
        fake.script(Reply.error(500, "The server had an error while processing your request."));

        JsonPath bob = answer("bob", QUERY);

        assertFallback(bob, "the model could not answer (HTTP 500: The server had an error while processing your "
                + "request.): these are the best passages instead");
    }

    @Test
    void aFakeSlowerThanTheTimeoutFallsBackWithinItAndSaysSo() {
        fake.script(Reply.content("Too late [1].").after(Duration.ofSeconds(12)));

        long start = System.nanoTime();
        List<AnswerSse.Event> events = stream("bob", "/api/answer", Map.of("query", QUERY));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("the client gave up at its %s timeout", AnswerOverHttpServer.TIMEOUT).isBetween(2_500L, 9_000L);
        JsonPath done = done(events);
        assertThat(done.getString("answer")).isEqualTo(streamed(events));
        assertFallback(done, "the model could not answer (the endpoint did not respond in time): "
                + "these are the best passages instead");
    }

    /** The extractive answer from bob's own hits, with {@code notice}; the fake asked once, not retried. */
    private void assertFallback(JsonPath answer, String notice) {
        assertThat(answer.getBoolean("llm")).isFalse();
        assertThat(answer.getMap("$")).containsEntry("usage", null);
        assertThat(answer.getString("answer")).startsWith("[1] ");
        List<String> hits = hits("bob", QUERY);
        assertThat(answer.getList("citations.doc_id", String.class)).isNotEmpty()
                .isEqualTo(hits.subList(0, answer.getList("citations").size()));
        assertThat(answer.getList("notices", String.class)).contains(notice)
                .doesNotContain("no LLM is configured: these are the best passages");
        assertThat(fake.requests()).hasSize(1);
    }
}
