package dev.sextant.retriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySyntaxAndFusionTest {

    @Test
    void rejectsWhatWouldBeMisread() {
        assertThatThrownBy(() -> QuerySyntax.validate(" ")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> QuerySyntax.validate("x".repeat(1001))).hasMessageContaining("limit is 1000");
        assertThatThrownBy(() -> QuerySyntax.validate("\"open")).hasMessageContaining("closing");
        assertThatThrownBy(() -> QuerySyntax.validate("(a b")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> QuerySyntax.validate("a) b")).hasMessageContaining("position 2");
        assertThatThrownBy(() -> QuerySyntax.validate("a\u0000b")).hasMessageContaining("control character");
        QuerySyntax.validate("\"(\" b \\( +must -not prefix*");
    }

    private static Candidate c(String id) {
        return new Candidate(id, id + "#0", "public", Map.of());
    }

    @Test
    void rrfSumsReciprocalRanksAndKeepsEveryStagesScore() {
        List<Candidate> bm25 = List.of(c("a").withScore("bm25", 3f), c("b").withScore("bm25", 2f));
        List<Candidate> dense = List.of(c("b").withScore("dense", .9f), c("c").withScore("dense", .8f));
        List<Candidate> fused = new RrfFusion(60).fuse(List.of(bm25, dense));
        assertThat(fused).extracting(Candidate::docId).containsExactly("b", "a", "c");
        assertThat(fused.get(0).scores()).containsKeys("bm25", "dense", "rrf");
        assertThat(fused.get(0).scores().get("rrf")).isEqualTo((float) (1.0 / 62 + 1.0 / 61));
        assertThat(fused.get(1).scores().get("rrf")).isEqualTo((float) (1.0 / 61));
    }
}
