package dev.sextant.gateway.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search with the listwise LLM stage against a local OpenAI-compatible fake, within a 1.5 s budget. */
@QuarkusTest
@TestProfile(LlmRerankSearchTest.Listwise.class)
class LlmRerankSearchTest {

    /** The demo corpus, reranked listwise by the fake. */
    public static class Listwise implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LlmFakeResource.class, Map.of("mode", "listwise", "budget", "PT1.5S")));
        }
    }

    private static final String QUERY = "Q3 2026 revenue runway";

    OpenAiFake fake;

    @Inject
    IndexingService indexing;

    @Inject
    RerankerCascade cascade;

    @BeforeEach
    void indexed() throws InterruptedException {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8))).as("the demo corpus is indexed").isTrue();
        // the first request of a JVM loads the HTTP client's classes: not what the budget is for
        fake.script(Reply.content("[1]"));
        search(QUERY);
        fake.clearRequests();
    }

    private static JsonPath search(String q) {
        return given().auth().preemptive().basic("bob", "demo").queryParam("q", q).queryParam("limit", 10)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> llmStage(JsonPath result) {
        List<Map<String, Object>> stages = result.getList("stages");
        assertThat(stages).extracting(s -> s.get("tag")).containsExactly("cross-encoder", "llm-listwise");
        assertThat(stages.getFirst().get("outcome")).isEqualTo("skipped: not configured");
        return stages.get(1);
    }

    @Test
    void theOrderFollowsTheFakesPermutationAndTheStageSaysItRan() {
        fake.script(Reply.content("no ranking at all"));
        List<String> coarse = search(QUERY).getList("hits.doc_id");
        assertThat(coarse).hasSizeGreaterThanOrEqualTo(3);

        fake.script(Reply.content("[3] > [1] > [2]"));
        JsonPath reranked = search(QUERY);

        assertThat(reranked.getList("hits.doc_id", String.class).subList(0, 3))
                .containsExactly(coarse.get(2), coarse.get(0), coarse.get(1));
        assertThat(reranked.getList("hits.doc_id", String.class).subList(3, coarse.size()))
                .isEqualTo(coarse.subList(3, coarse.size()));
        Map<String, Object> stage = llmStage(reranked);
        assertThat(stage.get("outcome")).isEqualTo("ran");
        assertThat((Integer) stage.get("candidates")).isGreaterThanOrEqualTo(coarse.size());
        assertThat((Integer) stage.get("tokens")).isPositive();
        assertThat(reranked.getList("notices")).isEmpty();
        OpenAiFake.Request request = fake.requests().getFirst();
        assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        assertThat(request.content("user")).contains("<query>" + QUERY + "</query>");
    }

    @Test
    void aReplyPastTheBudgetLeavesTheCoarseOrderAndSaysSo() {
        fake.script(Reply.content("no ranking at all"));
        List<String> coarse = search(QUERY).getList("hits.doc_id");

        fake.script(Reply.content("[3] > [1] > [2]").after(Duration.ofSeconds(4)));
        JsonPath late = search(QUERY);

        assertThat(late.getList("hits.doc_id", String.class)).isEqualTo(coarse);
        Map<String, Object> stage = llmStage(late);
        assertThat(stage.get("outcome")).isEqualTo("skipped: timeout");
        assertThat(((Number) stage.get("millis")).longValue()).isBetween(1400L, 3900L);
        assertThat(late.getList("notices", String.class)).anyMatch(n -> n.contains("llm-listwise") && n.contains("1500 ms"));
    }

    @Test
    void a429IsSkippedAsRateLimitedAndCounted() {
        fake.script(Reply.content("no ranking at all"));
        List<String> coarse = search(QUERY).getList("hits.doc_id");
        long before = cascade.metrics().skipped("llm-listwise", "rate limited");

        fake.script(Reply.rateLimited(Duration.ofSeconds(20)));
        JsonPath limited = search(QUERY);

        assertThat(limited.getList("hits.doc_id", String.class)).isEqualTo(coarse);
        assertThat(llmStage(limited).get("outcome")).isEqualTo("skipped: rate limited");
        assertThat(cascade.metrics().skipped("llm-listwise", "rate limited")).isEqualTo(before + 1);
    }
}
