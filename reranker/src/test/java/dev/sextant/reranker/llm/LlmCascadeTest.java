package dev.sextant.reranker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.RerankerCascade.StageRun;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listwise stage in a cascade, over HTTP to the fake: each way the endpoint lets it down. */
class LlmCascadeTest {

    private static final SearchQuery QUERY = SearchQuery.of("budget q3", Principals.of(Principal.PUBLIC), 10);
    private static final List<Candidate> COARSE = Passages.of("a", "b", "c");

    private OpenAiFake fake;
    private RerankerCascade cascade;

    @BeforeEach
    void start() throws IOException {
        fake = OpenAiFake.start();
        var model = OpenAiModels.chat(new LlmEndpoint(fake.baseUrl(), null, "m", Duration.ofSeconds(5)), false);
        // the first call of a JVM loads the client's classes, which takes longer than the budget on a small machine
        fake.script(Reply.content("warm"));
        model.chat("warm up");
        cascade = new RerankerCascade(List.of(
                new RerankerCascade.Stage(new LlmListwiseReranker(model, 20, 10), 20, Duration.ofMillis(1000), 4000)));
    }

    @AfterEach
    void stop() {
        cascade.close();
        fake.close();
    }

    private StageRun run(Reply reply, List<String> expectedOrder) throws InterruptedException {
        fake.script(reply);
        var result = cascade.rerank(QUERY, COARSE);
        assertThat(result.candidates()).extracting(Candidate::docId).containsExactlyElementsOf(expectedOrder);
        return result.stages().getFirst();
    }

    @Test
    void aPermutationRuns() throws Exception {
        StageRun run = run(Reply.content("[3] > [2] > [1]"), List.of("c", "b", "a"));
        assertThat(run.outcome()).isEqualTo("ran");
        assertThat(run.candidates()).isEqualTo(3);
        assertThat(run.tokens()).isPositive();
    }

    @Test
    void aPartialPermutationIsRepairedAndGarbageKeepsTheCoarseOrder() throws Exception {
        assertThat(run(Reply.content("[2]"), List.of("b", "a", "c")).outcome()).isEqualTo("ran");
        assertThat(run(Reply.content("Sorry, I can't."), List.of("a", "b", "c")).outcome()).isEqualTo("ran");
    }

    @Test
    void aSlowReplyPastTheBudgetLeavesTheCoarseOrder() throws Exception {
        StageRun run = run(Reply.content("[3] > [2] > [1]").after(Duration.ofMillis(2500)), List.of("a", "b", "c"));
        assertThat(run.outcome()).isEqualTo("skipped: timeout");
        assertThat(run.millis()).isBetween(950L, 2000L);
    }

    @Test
    void a429IsRateLimitedAndA500AnError() throws Exception {
        assertThat(run(Reply.rateLimited(Duration.ofSeconds(3)), List.of("a", "b", "c")).outcome())
                .isEqualTo("skipped: rate limited");
        assertThat(run(Reply.error(500, "The server had an error"), List.of("a", "b", "c")).outcome())
                .isEqualTo("skipped: error");
        assertThat(cascade.metrics().skipped("llm-listwise", "rate limited")).isEqualTo(1);
        assertThat(cascade.metrics().skipped("llm-listwise", "error")).isEqualTo(1);
    }
}
