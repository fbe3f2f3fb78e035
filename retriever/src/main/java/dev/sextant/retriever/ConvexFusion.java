package dev.sextant.retriever;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A convex combination of standardized scores. Every document found by any list gets a score from every
 * list: its own where the list found it, else the list's {@link Floor}, the most that list could have given
 * it. Each list's scores over all these documents are turned into z-scores (minus their mean, over their
 * standard deviation), so that BM25's unbounded scores and cosine similarities meet on one scale, and summed
 * with one weight per list.
 *
 * <p>Unlike {@link RrfFusion} it keeps how far apart a list's hits are, which is what a confident retriever
 * knows and rank fusion throws away (Bruch et al., "An Analysis of Fusion Functions for Hybrid Retrieval",
 * 2023). Standardizing over the union rather than over each list alone matters when a list is short: the one
 * document a rare word matches stands far above the documents BM25 did not match at all, instead of being
 * the mean of a list of one. A list whose scores are all equal says nothing about order and adds nothing.
 */
public final class ConvexFusion implements Fusion {

    public static final String STAGE = "hybrid";
    /** The dense list's weight against BM25's, tuned on BEIR SciFact's train split (see docs/benchmarks.md). */
    public static final double DENSE_WEIGHT = 0.5;

    /** What a list would have scored a document it did not return. */
    public enum Floor {
        /** Zero, the least a BM25 score can be: the list found every document that matches at all. */
        ZERO,
        /** The list's own last score: a top-k list, such as kNN's, says only that the rest score lower. */
        LIST_MINIMUM
    }

    /** One list to fuse: the key of its scores, its weight, and what it scores the documents it did not find. */
    public record Input(String stage, double weight, Floor floor) {
        public Input {
            if (!(weight >= 0)) {
                throw new IllegalArgumentException("the weight of '" + stage + "' must be non-negative, got " + weight);
            }
        }
    }

    private final List<Input> inputs;

    /** @param inputs one per list, in the order the lists are given to {@link #fuse}; weights not all zero */
    public ConvexFusion(List<Input> inputs) {
        if (inputs.isEmpty() || inputs.stream().mapToDouble(Input::weight).sum() == 0) {
            throw new IllegalArgumentException("need at least one list with a positive weight, got " + inputs);
        }
        this.inputs = List.copyOf(inputs);
    }

    /** BM25 then dense kNN, weighted {@code 1 - denseWeight} and {@code denseWeight}. */
    public static ConvexFusion bm25AndDense(double denseWeight) {
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("the dense weight must be within [0, 1], got " + denseWeight);
        }
        return new ConvexFusion(List.of(new Input(Bm25Retriever.STAGE, 1 - denseWeight, Floor.ZERO),
                new Input(DenseRetriever.STAGE, denseWeight, Floor.LIST_MINIMUM)));
    }

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public List<Candidate> fuse(List<List<Candidate>> rankings) {
        if (rankings.size() != inputs.size()) {
            throw new IllegalArgumentException("configured for " + inputs.size() + " lists, given " + rankings.size());
        }
        FusedCandidates fused = new FusedCandidates();
        rankings.forEach(ranking -> ranking.forEach(fused::add));
        Set<String> docs = fused.docIds();
        Map<String, Double> sums = new HashMap<>();
        for (int list = 0; list < inputs.size(); list++) {
            Input input = inputs.get(list);
            Map<String, Double> z = standardized(rankings.get(list), input, docs);
            z.forEach((doc, score) -> sums.merge(doc, input.weight() * score, Double::sum));
        }
        return fused.ranked(STAGE, sums::get);
    }

    /** The list's z-score of every document in {@code docs}, those it did not return scored at its floor. */
    private static Map<String, Double> standardized(List<Candidate> ranking, Input input, Set<String> docs) {
        Map<String, Double> own = new HashMap<>();
        for (Candidate c : ranking) {
            Float score = c.scores().get(input.stage());
            if (score == null) {
                throw new IllegalArgumentException("candidate " + c.docId() + " has no '" + input.stage() + "' score");
            }
            own.put(c.docId(), score.doubleValue());
        }
        double floor = switch (input.floor()) {
            case ZERO -> 0;
            case LIST_MINIMUM -> own.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        };
        double[] scores = docs.stream().mapToDouble(doc -> own.getOrDefault(doc, floor)).toArray();
        double mean = Arrays.stream(scores).average().orElse(0);
        double squares = Arrays.stream(scores).map(s -> (s - mean) * (s - mean)).sum();
        double sd = scores.length == 0 ? 0 : Math.sqrt(squares / scores.length);
        Map<String, Double> z = new HashMap<>();
        int i = 0;
        for (String doc : docs) {
            z.put(doc, sd == 0 ? 0 : (scores[i] - mean) / sd);
            i++;
        }
        return z;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Input input : inputs) {
            String weight = BigDecimal.valueOf(input.weight()).round(MathContext.DECIMAL32).stripTrailingZeros()
                    .toPlainString();
            parts.add(input.stage() + " " + weight + " (absent: " + input.floor().name().toLowerCase() + ")");
        }
        return "ConvexFusion(z-scores over the union; " + String.join(", ", parts) + ")";
    }
}
