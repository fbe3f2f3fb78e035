package dev.sextant.retriever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.retriever.ConvexFusion.Floor;
import dev.sextant.retriever.ConvexFusion.Input;
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
    void standardizesEachListOverEveryDocumentFoundScoringTheMissingAtTheListsFloor() {
        // union a, b, c, d. bm25 (floor 0): 30, 10, 0, 0 -> mean 10, sd sqrt(600/4) = 12.247
        List<Candidate> bm25 = List.of(c("a", "bm25", 30), c("b", "bm25", 10));
        // dense (floor = its last score, 0.5): a 0.5, b 0.5, c 0.9, d 0.5 -> mean 0.6, sd sqrt(0.12/4) = 0.1732
        List<Candidate> dense = List.of(c("c", "dense", .9f), c("d", "dense", .5f));
        List<Candidate> out = ConvexFusion.bm25AndDense(0.5).fuse(List.of(bm25, dense));

        double bsd = Math.sqrt(600.0 / 4);
        double dsd = Math.sqrt(0.12 / 4);
        assertThat(fused(out, "a")).isCloseTo((float) (0.5 * 20 / bsd + 0.5 * -0.1 / dsd), within(1e-4f));
        assertThat(fused(out, "b")).isCloseTo((float) (0.5 * 0 / bsd + 0.5 * -0.1 / dsd), within(1e-4f));
        assertThat(fused(out, "c")).isCloseTo((float) (0.5 * -10 / bsd + 0.5 * 0.3 / dsd), within(1e-4f));
        assertThat(fused(out, "d")).isCloseTo((float) (0.5 * -10 / bsd + 0.5 * -0.1 / dsd), within(1e-4f));
        assertThat(out).extracting(Candidate::docId).containsExactly("a", "c", "b", "d");
        assertThat(out.getFirst().scores()).containsOnlyKeys("bm25", "hybrid");
        assertThat(out.get(1).scores()).containsOnlyKeys("dense", "hybrid");
    }

    @Test
    void theOneDocumentARareWordMatchesLeadsTheDocumentsThatOnlyResembleTheQuery() {
        // kNN returns every readable document of a small corpus, the report among them, not at the top
        List<Candidate> dense = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dense.add(c(i == 8 ? "q3-report" : "doc" + i, "dense", .80f - i * .005f));
        }
        List<Candidate> bm25 = List.of(c("q3-report", "bm25", 1.2f));
        List<Candidate> out = ConvexFusion.bm25AndDense(0.5).fuse(List.of(bm25, dense));
        assertThat(out.getFirst().docId()).isEqualTo("q3-report");
        assertThat(out.get(1).docId()).isEqualTo("doc0");
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
        List<Candidate> dense = List.of(c("b", "dense", .9f), c("a", "dense", .1f));
        var fusion = new ConvexFusion(List.of(new Input("bm25", 1, Floor.LIST_MINIMUM), new Input("dense", 1, Floor.LIST_MINIMUM)));
        assertThat(fusion.fuse(List.of(List.of(c("a", "bm25", 5), c("b", "bm25", 5)), dense)))
                .extracting(Candidate::docId).containsExactly("b", "a");
        assertThat(fusion.fuse(List.of(List.of(), dense))).extracting(Candidate::docId).containsExactly("b", "a");
        assertThat(fusion.fuse(List.of(List.of(), List.of()))).isEmpty();
    }

    @Test
    void rejectsWeightsThatDoNotFit() {
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(1.5)).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> new Input("bm25", -1, Floor.ZERO)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new ConvexFusion(List.of(new Input("bm25", 0, Floor.ZERO))))
                .hasMessageContaining("positive weight");
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of()))).hasMessageContaining("given 1");
        assertThatThrownBy(() -> ConvexFusion.bm25AndDense(0.5).fuse(List.of(List.of(c("a", "dense", 1)), List.of())))
                .hasMessageContaining("no 'bm25' score");
    }
}
