package dev.sextant.reranker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.reranker.Reranker;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * docs/benchmarks.md "LLM reranking overhead": the LLM stage's time above the fake's fixed delay, over HTTP
 * through LangChain4j's client, and the tokens a query costs. Run with
 * {@code ./mvnw -B -o -q -pl reranker -am verify -Dtest=LlmStageOverheadBench -Dsurefire.failIfNoSpecifiedTests=false -Dsextant.bench=true}.
 */
@EnabledIfSystemProperty(named = "sextant.bench", matches = "true")
class LlmStageOverheadBench {

    private static final Duration DELAY = Duration.ofMillis(200);
    private static final int SEARCHES = 50;
    private static final int WARMUP = 10;
    private static final SearchQuery QUERY = SearchQuery.of("does vitamin d supplementation reduce fracture risk",
            Principals.of(Principal.PUBLIC), 100);

    /** Twenty candidates of 150 words: about what a chunk of the default chunker holds. */
    private static List<Candidate> candidates() {
        String words = IntStream.range(0, 150).mapToObj(i -> "word" + (i % 37)).collect(Collectors.joining(" "));
        return IntStream.range(0, 20).mapToObj(i -> Passages.candidate("d" + i, words)).toList();
    }

    @Test
    void listwiseWindow20() throws Exception {
        measure("listwise window 20 step 10", model -> new LlmListwiseReranker(model, 20, 10), 1,
                Reply.content("[20] > [3] > [1] > [7] > [2]"));
    }

    @Test
    void pointwiseFourAtATime() throws Exception {
        measure("pointwise, 4 at a time", LlmPointwiseReranker::new, 5, Reply.content("Yes")
                .withLogprobs(java.util.Map.of("Yes", -0.2, "No", -1.8)));
    }

    private interface Factory {
        Reranker create(dev.langchain4j.model.chat.ChatModel model);
    }

    /** @param serialDelays how many fake delays the stage waits for one after the other */
    private static void measure(String label, Factory factory, int serialDelays, Reply reply) throws Exception {
        try (OpenAiFake fake = OpenAiFake.start();
             RerankerCascade cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(
                     factory.create(OpenAiModels.chat(new LlmEndpoint(fake.baseUrl(), null, "m", Duration.ofSeconds(20)),
                             reply.topLogprobs().size() > 0)), 20, Duration.ofSeconds(30), 4000)))) {
            fake.always(reply.after(DELAY));
            List<Candidate> coarse = candidates();
            for (int i = 0; i < WARMUP; i++) {
                cascade.rerank(QUERY, coarse);
            }
            long[] over = new long[SEARCHES];
            List<Integer> tokens = new ArrayList<>();
            for (int i = 0; i < SEARCHES; i++) {
                RerankerCascade.StageRun run = cascade.rerank(QUERY, coarse).stages().getFirst();
                assertThat(run.outcome()).isEqualTo("ran");
                over[i] = run.millis() - serialDelays * DELAY.toMillis();
                tokens.add(run.tokens());
            }
            Arrays.sort(over);
            System.out.printf("BENCH %s: %d searches, fake delay %d ms x %d: overhead p50 %d ms, p95 %d ms, max %d ms;"
                            + " tokens/query %d; requests/query %d%n", label, SEARCHES, DELAY.toMillis(), serialDelays,
                    over[SEARCHES / 2], over[(int) Math.ceil(SEARCHES * 0.95) - 1], over[SEARCHES - 1],
                    tokens.getFirst(), fake.requests().size() / (SEARCHES + WARMUP));
        }
    }
}
