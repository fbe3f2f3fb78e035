package dev.sextant.retriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParserAndFusionTest {

    private final QueryParser parser = QueryParser.english();

    @Test
    void acceptsWebSearchSyntax() {
        assertThat(parser.parse("\"replication lag\" +postgres -mysql promot* (a | b)").toString())
                .contains("content:\"replic lag\"").contains("+content:postgr").contains("-content:mysql")
                .contains("content:promot*");
    }

    @Test
    void rejectsWhatWouldBeMisread() {
        assertThatThrownBy(() -> parser.parse(" ")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("x".repeat(1001))).hasMessageContaining("limit is 1000");
        assertThatThrownBy(() -> parser.parse("\"open")).hasMessageContaining("closing");
        assertThatThrownBy(() -> parser.parse("(a b")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> parser.parse("a) b")).hasMessageContaining("position 2");
        assertThatThrownBy(() -> parser.parse("a\u0000b")).hasMessageContaining("control character");
        assertThat(parser.parse("\"(\" b")).isNotNull();
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

    @Test
    void snippetsMarkMatchesAndEscapeEverythingElse() {
        SnippetHighlighter h = SnippetHighlighter.english();
        String s = h.snippet(parser.parse("runway"), "Cash <script>x</script> runway extends.");
        assertThat(s).contains("<mark>runway</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(h.snippet(parser.parse("absent"), "a < b")).isEqualTo("a &lt; b");
    }
}
