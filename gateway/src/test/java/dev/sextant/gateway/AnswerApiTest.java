package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnswerApiTest {

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    static JsonPath answer(String user, String query) {
        return given().auth().preemptive().basic(user, "demo").contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Map.of("query", query))
                .post("/api/answer").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void bobsAnswerCitesTheQ3ReportExtractivelyWithoutAnLlm() {
        JsonPath bob = answer("bob", "Q3 runway");
        assertThat(bob.getList("citations.url", String.class)).anyMatch(u -> u.contains("/finance/q3-2026-financial-report"));
        List<Integer> numbers = bob.getList("citations.n", Integer.class);
        assertThat(numbers).as("the best passages, at most three, numbered from 1").isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(bob.getString("citations[0].doc_id")).startsWith("fs:/");
        assertThat(bob.getString("citations[0].title")).isNotBlank();
        assertThat(bob.getString("answer")).startsWith("[1] ").contains("runway");
        assertThat(bob.getBoolean("llm")).isFalse();
        assertThat(bob.getMap("$")).containsKey("usage").containsEntry("usage", null);
        assertThat(bob.getList("stages")).isNotNull();
        assertThat(bob.getList("notices", String.class)).contains("no LLM is configured: these are the best passages");
    }

    @Test
    void alicesAnswerNeverCitesOrQuotesAFinanceDocument() {
        JsonPath alice = answer("alice", "Q3 runway");
        assertThat(alice.getList("citations.url", String.class)).noneMatch(u -> u.contains("/finance/"));
        assertThat(alice.getList("citations.snippet", String.class)).noneMatch(s -> s.contains("4.2 million"));
        assertThat(alice.getString("answer")).doesNotContain("4.2 million").doesNotContain("26 months");
        var readable = DemoCorpus.documents();
        var principals = DemoCorpus.READERS.get(0).principals();
        assertThat(alice.getList("citations.doc_id", String.class))
                .allMatch(id -> readable.get(id) != null && readable.get(id).admits(principals));
    }

    @Test
    void theStreamIsTokensThenOneDoneEventHoldingTheFinalObject() {
        String body = given().auth().preemptive().basic("bob", "demo").contentType(ContentType.JSON)
                .accept("text/event-stream").body(Map.of("query", "Q3 runway"))
                .post("/api/answer").then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().asString();
        List<AnswerSse.Event> events = AnswerSse.events(body);
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.subList(0, events.size() - 1)).extracting(AnswerSse.Event::name).containsOnly("token");
        assertThat(events.getLast().name()).isEqualTo("done");
        StringBuilder streamed = new StringBuilder();
        events.subList(0, events.size() - 1).forEach(e -> streamed.append(new JsonPath(e.data()).getString("text")));
        JsonPath done = new JsonPath(events.getLast().data());
        assertThat(done.getString("answer")).isEqualTo(streamed.toString()).isNotBlank();
        assertThat(done.getList("citations.url", String.class)).anyMatch(u -> u.contains("/finance/q3-2026-financial-report"));
        assertThat(done.getBoolean("llm")).isFalse();
    }

    @Test
    void aBlankQueryIsA400BeforeAnyStream() {
        for (String accept : List.of("application/json", "text/event-stream")) {
            given().auth().preemptive().basic("bob", "demo").contentType(ContentType.JSON).accept(accept)
                    .body(Map.of("query", "  ")).post("/api/answer")
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", containsString("empty"));
        }
        given().auth().preemptive().basic("bob", "demo").contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "runway", "limit", 0)).post("/api/answer")
                .then().statusCode(400).body("error", containsString("limit"));
    }

    @Test
    void withoutCredentialsIsA401() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", "runway"))
                .post("/api/answer").then().statusCode(401);
    }
}
