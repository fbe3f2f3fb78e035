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
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(reverse, 10, Duration.ofSeconds(5)),
                new RerankerCascade.Stage(dropLast, 10, Duration.ofSeconds(5))))) {
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
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(slow, 10, Duration.ofMillis(100)),
                new RerankerCascade.Stage(broken, 10, Duration.ofSeconds(1))))) {
            var result = cascade.rerank(null, COARSE);
            assertThat(result.candidates()).isEqualTo(COARSE);
            assertThat(result.notices()).hasSize(2);
            assertThat(result.notices().get(0)).contains("slow-llm").contains("100 ms");
            assertThat(result.notices().get(1)).contains("broken").contains("endpoint down");
        }
    }

    @Test
    void aStageReordersOnlyItsTopKAndTheRestKeepTheirPlace() throws Exception {
        var reverse = stage("reverse", in -> in.reversed());
        List<Candidate> five = List.of(c("a"), c("b"), c("c"), c("d"), c("e"));
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(reverse, 3, Duration.ofSeconds(5))))) {
            assertThat(cascade.depth()).isEqualTo(3);
            assertThat(cascade.rerank(null, five).candidates()).extracting(Candidate::docId)
                    .containsExactly("c", "b", "a", "d", "e");
        }
    }

    @Test
    void aStageIsGivenNoMorePassageWordsThanItsTokenBudget() throws Exception {
        List<Integer> given = new java.util.ArrayList<>();
        var counting = stage("count", in -> {
            given.add(in.size());
            return in;
        });
        var words = new dev.sextant.indexer.Passage("t", "", "one two three four", "", "u", "test",
                java.time.Instant.EPOCH, "public");
        List<Candidate> withPassages = List.of(c("a").withPassage(words), c("b").withPassage(words),
                c("c").withPassage(words));
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(counting, 10, Duration.ofSeconds(5), 9),
                new RerankerCascade.Stage(counting, 10, Duration.ofSeconds(5), 2)))) {
            cascade.rerank(null, withPassages);
        }
        assertThat(given).containsExactly(2, 1);
    }

    @Test
    void aStageThatReturnsACandidateItWasNotGivenIsIgnored() throws Exception {
        var inject = stage("inject", in -> List.of(new Candidate("secret", "secret#0", "group:idp:finance", Map.of())));
        var alter = stage("alter", in -> List.of(new Candidate("a", "a#0", "group:idp:finance", Map.of())));
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(inject, 10, Duration.ofSeconds(5)),
                new RerankerCascade.Stage(alter, 10, Duration.ofSeconds(5))))) {
            var result = cascade.rerank(null, COARSE);
            assertThat(result.candidates()).isEqualTo(COARSE);
            assertThat(result.notices()).hasSize(2).allMatch(n -> n.contains("not given"));
        }
    }

    private static MeteredReranker metered(String tag, int tokens) {
        return new MeteredReranker() {
            public Reranked rerankMetered(SearchQuery q, List<Candidate> in) {
                return new Reranked(in.reversed(), tokens);
            }

            public String tag() {
                return tag;
            }
        };
    }

    @Test
    void eachStageIsReportedWithItsOutcomeTimeCandidatesAndTokens() throws Exception {
        var slow = stage("slow-llm", in -> {
            Thread.sleep(5_000);
            return in;
        });
        var inject = stage("inject", in -> List.of(new Candidate("secret", "secret#0", "group:idp:finance", Map.of())));
        try (var cascade = new RerankerCascade(List.of(RerankerCascade.Stage.notConfigured("cross-encoder"),
                new RerankerCascade.Stage(metered("llm-listwise", 321), 2, Duration.ofSeconds(5)),
                new RerankerCascade.Stage(slow, 10, Duration.ofMillis(150)),
                new RerankerCascade.Stage(inject, 10, Duration.ofSeconds(5))))) {
            var result = cascade.rerank(null, COARSE);

            assertThat(result.candidates()).extracting(Candidate::docId).containsExactly("b", "a", "c");
            assertThat(result.stages()).extracting(RerankerCascade.StageRun::tag)
                    .containsExactly("cross-encoder", "llm-listwise", "slow-llm", "inject");
            assertThat(result.stages()).extracting(RerankerCascade.StageRun::outcome).containsExactly(
                    "skipped: not configured", "ran", "skipped: timeout", "skipped: invalid output");
            assertThat(result.stages()).extracting(RerankerCascade.StageRun::candidates).containsExactly(0, 2, 3, 3);
            assertThat(result.stages().get(1).tokens()).isEqualTo(321);
            assertThat(result.stages().get(2).millis()).isBetween(140L, 2_000L);
            assertThat(result.notices()).hasSize(2).noneMatch(n -> n.contains("cross-encoder"));
            assertThat(cascade.depth()).isEqualTo(10);
        }
    }

    @Test
    void aRateLimitIsToldApartFromOtherFailuresAndCounted() throws Exception {
        var limited = stage("limited", in -> {
            throw new RuntimeException("call failed", new dev.langchain4j.exception.RateLimitException("Rate limit reached"));
        });
        var http429 = stage("http429", in -> {
            throw new dev.langchain4j.exception.HttpException(429, "{\"error\":{}}");
        });
        var clientTimeout = stage("client-timeout", in -> {
            throw new dev.langchain4j.exception.TimeoutException("request timed out");
        });
        var broken = stage("broken", in -> {
            throw new IllegalStateException("endpoint down");
        });
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(limited, 10, Duration.ofSeconds(1)),
                new RerankerCascade.Stage(http429, 10, Duration.ofSeconds(1)),
                new RerankerCascade.Stage(clientTimeout, 10, Duration.ofSeconds(1)),
                new RerankerCascade.Stage(broken, 10, Duration.ofSeconds(1))))) {
            var result = cascade.rerank(null, COARSE);
            cascade.rerank(null, COARSE);

            assertThat(result.candidates()).isEqualTo(COARSE);
            assertThat(result.stages()).extracting(RerankerCascade.StageRun::outcome).containsExactly(
                    "skipped: rate limited", "skipped: rate limited", "skipped: timeout", "skipped: error");
            assertThat(result.notices().get(0)).contains("limited").contains("rate limited");
            assertThat(cascade.metrics().skipped("limited", "rate limited")).isEqualTo(2);
            assertThat(cascade.metrics().skipped("broken", "error")).isEqualTo(2);
            assertThat(cascade.metrics().ran("broken")).isZero();
            assertThat(cascade.metrics().snapshot()).containsOnlyKeys("limited", "http429", "client-timeout", "broken");
        }
    }

    @Test
    void metricsCountRunsPerStage() throws Exception {
        try (var cascade = new RerankerCascade(List.of(new RerankerCascade.Stage(metered("llm", 5), 10, Duration.ofSeconds(5))))) {
            for (int i = 0; i < 3; i++) {
                cascade.rerank(null, COARSE);
            }
            assertThat(cascade.metrics().ran("llm")).isEqualTo(3);
            assertThat(cascade.metrics().snapshot()).isEqualTo(Map.of("llm", Map.of("ran", 3L)));
        }
    }
}
