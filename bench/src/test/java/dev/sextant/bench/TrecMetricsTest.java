package dev.sextant.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrecMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void gradedGainsAreLinearAndIdealComesFromTheQrels() {
        // a and d relevant at 2 and 1, b at 1, c judged not relevant
        Map<String, Integer> qrels = Map.of("a", 2, "b", 1, "c", 0, "d", 1);
        List<String> ranking = List.of("b", "x", "a", "c");
        // DCG = 1/log2(2) + 2/log2(4) = 2; ideal gains 2,1,1 -> 2 + 1/log2(3) + 1/2
        double ideal = 2 + 1 / (Math.log(3) / Math.log(2)) + 0.5;
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isCloseTo(2 / ideal, within(EPS));
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isCloseTo(0.6387878864795979, within(EPS));
        assertThat(TrecMetrics.recallAt(100, ranking, qrels)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(TrecMetrics.mrrAt(10, ranking, qrels)).isEqualTo(1.0);
    }

    @Test
    void tiesAreBrokenByDocumentIdDescendingAsTrecEvalDoes() {
        List<TrecMetrics.Scored> run = List.of(new TrecMetrics.Scored("d1", 1.0), new TrecMetrics.Scored("d3", 1.0),
                new TrecMetrics.Scored("d2", 2.0));
        List<String> ranking = TrecMetrics.trecOrder(run);
        assertThat(ranking).containsExactly("d2", "d3", "d1");
        Map<String, Integer> qrels = Map.of("d1", 1);
        assertThat(TrecMetrics.mrrAt(10, ranking, qrels)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isCloseTo(0.5, within(EPS)); // 1/log2(4)
    }

    @Test
    void fewerResultsThanTheCutoff() {
        Map<String, Integer> qrels = Map.of("a", 1, "b", 1);
        List<String> ranking = List.of("a");
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isCloseTo(0.6131471927654584, within(EPS));
        assertThat(TrecMetrics.recallAt(100, ranking, qrels)).isCloseTo(0.5, within(EPS));
        assertThat(TrecMetrics.mrrAt(10, ranking, qrels)).isEqualTo(1.0);
        assertThat(TrecMetrics.ndcgAt(10, List.of(), qrels)).isZero();
    }

    @Test
    void noRelevantDocumentRetrieved() {
        Map<String, Integer> qrels = Map.of("a", 1, "z", 0);
        List<String> ranking = List.of("z", "y", "x");
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isZero();
        assertThat(TrecMetrics.recallAt(100, ranking, qrels)).isZero();
        assertThat(TrecMetrics.mrrAt(10, ranking, qrels)).isZero();
    }

    @Test
    void relevantJustPastTheCutoffCountsOnlyForRecall() {
        List<String> ranking = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ranking.add("n" + i);
        }
        ranking.add("rel");
        Map<String, Integer> qrels = Map.of("rel", 1);
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isZero();
        assertThat(TrecMetrics.mrrAt(10, ranking, qrels)).isZero();
        assertThat(TrecMetrics.recallAt(100, ranking, qrels)).isEqualTo(1.0);
        assertThat(TrecMetrics.recallAt(10, ranking, qrels)).isZero();
    }

    @Test
    void idealIsCutAtKToo() {
        Map<String, Integer> qrels = new LinkedHashMap<>();
        List<String> ranking = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            qrels.put("r" + i, 1);
            ranking.add("r" + i);
        }
        assertThat(TrecMetrics.ndcgAt(10, ranking, qrels)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void aQueryWithOnlyNonRelevantJudgmentsHasNothingToEvaluate() {
        assertThat(TrecMetrics.hasRelevant(Map.of("a", 0))).isFalse();
        assertThat(TrecMetrics.hasRelevant(Map.of("a", 0, "b", 2))).isTrue();
    }
}
