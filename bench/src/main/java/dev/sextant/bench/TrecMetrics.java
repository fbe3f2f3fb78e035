package dev.sextant.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Per-query effectiveness measures computed the way {@code trec_eval} (9.x) computes them, so that figures
 * compare with Anserini's and BEIR's published ones:
 * <ul>
 *   <li>a run is first put in trec_eval's order: score descending, ties broken by document id
 *       <em>descending</em> ({@code comp_sim_docno}); the retriever's own order among equal scores is ignored;</li>
 *   <li>a document is relevant when its qrels score is at least 1; unjudged documents and judged score-0 ones
 *       are not relevant;</li>
 *   <li>nDCG@k ({@code ndcg_cut.k}): gain = qrels score (linear, not 2^rel - 1), discount {@code 1/log2(rank + 1)},
 *       normalised by the DCG of the ideal ranking built from the qrels;</li>
 *   <li>Recall@k ({@code recall.k}): relevant documents in the top k over all relevant documents;</li>
 *   <li>MRR@k: 1/rank of the first relevant document within the top k, 0 when there is none (BEIR's MRR@k;
 *       trec_eval's {@code recip_rank} is the uncut version).</li>
 * </ul>
 * A query whose qrels hold no relevant document has no defined value; callers leave it out of the averages.
 */
public final class TrecMetrics {

    /** One retrieved document and the score the run gave it. */
    public record Scored(String docId, double score) {
    }

    private static final Comparator<Scored> TREC_ORDER = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparing(Scored::docId, Comparator.reverseOrder());

    private TrecMetrics() {
    }

    /** Document ids in the order trec_eval would rank them. */
    public static List<String> trecOrder(List<Scored> run) {
        List<Scored> sorted = new ArrayList<>(run);
        sorted.sort(TREC_ORDER);
        return sorted.stream().map(Scored::docId).toList();
    }

    /** Whether the query can be evaluated at all: its qrels name at least one relevant document. */
    public static boolean hasRelevant(Map<String, Integer> qrels) {
        return qrels.values().stream().anyMatch(v -> v > 0);
    }

    public static double ndcgAt(int k, List<String> ranking, Map<String, Integer> qrels) {
        double dcg = 0;
        int cut = Math.min(k, ranking.size());
        for (int i = 0; i < cut; i++) {
            dcg += gain(qrels.get(ranking.get(i))) / log2(i + 2);
        }
        List<Integer> ideal = qrels.values().stream().filter(v -> v > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recallAt(int k, List<String> ranking, Map<String, Integer> qrels) {
        long relevant = qrels.values().stream().filter(v -> v > 0).count();
        if (relevant == 0) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (gain(qrels.get(ranking.get(i))) > 0) {
                found++;
            }
        }
        return (double) found / relevant;
    }

    public static double mrrAt(int k, List<String> ranking, Map<String, Integer> qrels) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (gain(qrels.get(ranking.get(i))) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static int gain(Integer judged) {
        return judged == null || judged < 0 ? 0 : judged;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
