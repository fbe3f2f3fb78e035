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
}
