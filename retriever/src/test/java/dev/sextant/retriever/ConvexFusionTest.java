package dev.sextant.retriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvexFusionTest {

    private static Candidate c(String id, String stage, float score) {
        return new Candidate(id, id + "#0", "public", Map.of(stage, score));
    }

    private static float fused(List<Candidate> out, String id) {
        return out.stream().filter(c -> c.docId().equals(id)).findFirst().orElseThrow().scores().get(ConvexFusion.STAGE);
    }

    @Test
    void weighsStandardizedScoresAndRanksAMissingDocumentAsTheListsLast() {
        // bm25 scores 30, 20, 10: mean 20, sd sqrt(200/3), z = +1.2247, 0, -1.2247
        List<Candidate> bm25 = List.of(c("a", "bm25", 30), c("b", "bm25", 20), c("c", "bm25", 10));
        // dense scores 0.9, 0.5: mean 0.7, sd 0.2, z = +1, -1
        List<Candidate> dense = List.of(c("c", "dense", .9f), c("d", "dense", .5f));
        List<Candidate> out = ConvexFusion.bm25AndDense(0.7).fuse(List.of(bm25, dense));

        double z = Math.sqrt(1.5);
        assertThat(fused(out, "a")).isCloseTo((float) (0.3 * z + 0.7 * -1), within(1e-5f));
        assertThat(fused(out, "b")).isCloseTo((float) (0.3 * 0 + 0.7 * -1), within(1e-5f));
        assertThat(fused(out, "c")).isCloseTo((float) (0.3 * -z + 0.7 * 1), within(1e-5f));
        assertThat(fused(out, "d")).isCloseTo((float) (0.3 * -z + 0.7 * -1), within(1e-5f));
        assertThat(out).extracting(Candidate::docId).containsExactly("c", "a", "b", "d");
        assertThat(out.getFirst().scores()).containsKeys("bm25", "dense", "hybrid");
    }

    @Test
    void theWeightDecidesWhichListLeads() {
        List<Candidate> bm25 = List.of(c("lexical", "bm25", 12), c("semantic", "bm25", 3));
        List<Candidate> dense = List.of(c("semantic", "dense", .8f), c("lexical", "dense", .7f));
        assertThat(ConvexFusion.bm25AndDense(0.2).fuse(List.of(bm25, dense)).getFirst().docId()).isEqualTo("lexical");
        assertThat(ConvexFusion.bm25AndDense(0.8).fuse(List.of(bm25, dense)).getFirst().docId()).isEqualTo("semantic");
    }

    @Test
    void aListOfEqualScoresOrAnEmptyListSaysNothingAboutOrder() {
        List<Candidate> flat = List.of(c("a", "bm25", 5), c("b", "bm25", 5));
        List<Candidate> dense = List.of(c("b", "dense", .9f), c("a", "dense", .1f));
        assertThat(ConvexFusion.bm25AndDense(0.5).fuse(List.of(flat, dense))).extracting(Candidate::docId)
                .containsExactly("b", "a");
        assertThat(ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of(), dense))).extracting(Candidate::docId)
                .containsExactly("b", "a");
        assertThat(ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of(), List.of()))).isEmpty();
    }

    @Test
    void rejectsWeightsThatDoNotFit() {
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new ConvexFusion(List.of("bm25"), 1, 1)).hasMessageContaining("one weight per list");
        assertThatThrownBy(() -> new ConvexFusion(List.of("bm25", "dense"), 0, 0)).hasMessageContaining("not all zero");
        assertThatThrownBy(() -> new ConvexFusion(List.of("bm25", "dense"), -1, 2)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of())))
                .hasMessageContaining("given 1");
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of(c("a", "dense", 1)), List.of())))
                .hasMessageContaining("no 'bm25' score");
    }
}
