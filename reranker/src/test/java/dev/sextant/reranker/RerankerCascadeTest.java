package dev.sextant.reranker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RerankerCascadeTest {

    interface Body {
        List<Candidate> apply(List<Candidate> in) throws Exception;
    }

    private static final List<Candidate> COARSE = List.of(c("a"), c("b"), c("c"));

    private static Candidate c(String id) {
        return new Candidate(id, id + "#0", "public", Map.of());
    }

    private static Reranker stage(String tag, Body body) {
        return new Reranker() {
            public List<Candidate> rerank(SearchQuery q, List<Candidate> in) throws Exception {
                return body.apply(in);
            }

            public String tag() {
                return tag;
            }
        };
    }

    @Test
    void stagesRunInOrderOnThePreviousOutput() throws Exception {
        var reverse = stage("reverse", in -> in.reversed());
        var dropLast = stage("drop", in -> in.subList(0, in.size() - 1));
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(reverse, Duration.ofSeconds(5)),
                new RerankerCascade.Stage(dropLast, Duration.ofSeconds(5))))) {
            var result = cascade.rerank(null, COARSE);
            assertThat(result.candidates()).extracting(Candidate::docId).containsExactly("c", "b");
            assertThat(result.notices()).isEmpty();
        }
    }

    @Test
    void aSlowOrFailingStageIsSkippedAndSaysSo() throws Exception {
        var slow = stage("slow-llm", in -> {
            Thread.sleep(5_000);
            return in.reversed();
        });
        var broken = stage("broken", in -> {
            throw new IllegalStateException("endpoint down");
        });
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(slow, Duration.ofMillis(100)),
                new RerankerCascade.Stage(broken, Duration.ofSeconds(1))))) {
            var result = cascade.rerank(null, COARSE);
            assertThat(result.candidates()).isEqualTo(COARSE);
            assertThat(result.notices()).hasSize(2);
            assertThat(result.notices().get(0)).contains("slow-llm").contains("100 ms");
            assertThat(result.notices().get(1)).contains("broken").contains("endpoint down");
        }
    }

    @Test
    void pipelineRetrievesThenReranks() throws Exception {
        var pipeline = new SearchPipeline(q -> COARSE, RerankerCascade.passThrough());
        assertThat(pipeline.search(null).candidates()).isEqualTo(COARSE);
        assertThat(new PassThroughReranker().rerank(null, COARSE)).isEqualTo(COARSE);
    }
}
