package dev.sextant.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.indexer.IndexedChunk;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticCorpusScaleTest {

    private final SyntheticCorpus corpus = new SyntheticCorpus(4_002, 32, 8, 200, 7);

    @Test
    void documentsCarryFourChunksOfUnitVectorsAndTheLastOneTheRest() {
        assertThat(corpus.documents()).isEqualTo(1_001);
        List<IndexedChunk> first = corpus.document(0);
        assertThat(first).hasSize(4).extracting(IndexedChunk::ordinal).containsExactly(0, 1, 2, 3);
        assertThat(corpus.document(1_000)).hasSize(2);
        for (IndexedChunk c : first) {
            double norm = 0;
            for (float x : c.vector()) {
                norm += x * x;
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(c.text().text().split(" ")).hasSize(100);
        }
    }

    @Test
    void isAPureFunctionOfTheSeed() {
        var again = new SyntheticCorpus(4_002, 32, 8, 200, 7);
        assertThat(again.vector(1234)).isEqualTo(corpus.vector(1234));
        assertThat(again.acl(77)).isEqualTo(corpus.acl(77));
        assertThat(again.document(5).get(2).text()).isEqualTo(corpus.document(5).get(2).text());
        assertThat(new SyntheticCorpus(4_002, 32, 8, 200, 8).vector(1234)).isNotEqualTo(corpus.vector(1234));
    }

    @Test
    void vectorsClusterSoNeighboursAreCloserThanStrangers() {
        float[] a = corpus.vector(0);
        double best = Double.NEGATIVE_INFINITY;
        double mean = 0;
        for (int i = 1; i < 2_000; i++) {
            double d = dot(a, corpus.vector(i));
            best = Math.max(best, d);
            mean += d / 1_999;
        }
        assertThat(mean).isLessThan(0.2);
        assertThat(best).as("above the dense floor, 0.57").isGreaterThan(0.6);
        
    }

    @Test
    void wordFrequenciesFollowZipf() {
        Map<String, Integer> counts = new HashMap<>();
        for (int d = 0; d < 300; d++) {
            for (IndexedChunk c : corpus.document(d)) {
                for (String w : c.text().text().split(" ")) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        int top = counts.get(SyntheticCorpus.word(0));
        int tenth = counts.get(SyntheticCorpus.word(9));
        assertThat((double) top / tenth).isBetween(7.0, 13.0);
        assertThat(counts.size()).isGreaterThan(10_000);
        assertThat(SyntheticCorpus.word(0)).isNotEqualTo(SyntheticCorpus.word(1));
    }

    @Test
    void aclsMixPublicGroupsAndSecondClausesAndReadersSeeMoreWithMoreGroups() {
        int pub = 0;
        int twoClauses = 0;
        int[] readable = new int[3];
        var readers = List.of(corpus.reader(1), corpus.reader(20), corpus.reader(150));
        assertThat(readers.get(2).all()).hasSize(152);
        for (int d = 0; d < corpus.documents(); d++) {
            Acl acl = corpus.acl(d);
            pub += acl.equals(Acl.PUBLIC) ? 1 : 0;
            twoClauses += acl.clauses().size() == 2 ? 1 : 0;
            assertThat(acl.clauses().getFirst().anyOf()).hasSizeBetween(1, 3);
            for (int r = 0; r < 3; r++) {
                readable[r] += acl.admits(readers.get(r)) ? 1 : 0;
            }
        }
        assertThat(pub).isBetween(60, 140);
        assertThat(twoClauses).isBetween(100, 200);
        assertThat(readable[0]).isGreaterThanOrEqualTo(pub).isLessThan(readable[1]);
        assertThat(readable[1]).isLessThan(readable[2]);
    }

    @Test
    void exactSearchRanksReadableDocumentsByTheirBestChunk() {
        var reader = corpus.reader(1);
        float[] q = corpus.vector(42);
        var top = ExactSearch.topK(corpus, List.of(reader), List.of(q), 10, -1).getFirst().getFirst();
        assertThat(top).hasSize(10).doesNotHaveDuplicates();
        boolean readable = corpus.acl(42 / 4).admits(reader);
        assertThat(top.getFirst().equals("scale:10")).isEqualTo(readable);
        double previous = Double.POSITIVE_INFINITY;
        for (String id : top) {
            int doc = Integer.parseInt(id.substring("scale:".length()));
            assertThat(corpus.acl(doc).admits(reader)).as(id).isTrue();
            double score = Double.NEGATIVE_INFINITY;
            for (int chunk = doc * 4; chunk < doc * 4 + 4; chunk++) {
                score = Math.max(score, dot(q, corpus.vector(chunk)));
            }
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
    }

    @Test
    void exactSearchLeavesOutDocumentsBelowTheFloor() {
        var reader = corpus.reader(150);
        float[] q = corpus.vector(42);
        var all = ExactSearch.topK(corpus, List.of(reader), List.of(q), 10, -1).getFirst().getFirst();
        var floored = ExactSearch.topK(corpus, List.of(reader), List.of(q), 10, 0.99).getFirst().getFirst();
        assertThat(all).hasSize(10);
        assertThat(floored).isEmpty();
    }

    @Test
    void recallCountsTheExactTopFoundInAsManyFirstResults() {
        var exact = List.of("a", "b", "c", "d");
        assertThat(ExactSearch.recall(List.of("a", "x", "c", "d", "b"), exact)).isEqualTo(0.75);
        assertThat(ExactSearch.recall(List.of("d", "c", "b", "a"), exact)).isEqualTo(1.0);
        assertThat(ExactSearch.recall(List.of("a"), exact)).isEqualTo(0.25);
        assertThat(ExactSearch.recall(List.of(), exact)).isEqualTo(0.0);
        assertThat(ExactSearch.recall(List.of("x"), List.of())).isEqualTo(1.0);
    }

    @Test
    void zipfSamplerFavoursLowRanks() {
        var zipf = new ZipfSampler(100, 1.0);
        int[] counts = new int[100];
        var random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.sample(random)]++;
        }
        assertThat(counts[0] / (double) counts[1]).isBetween(1.8, 2.2);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(100_000);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
