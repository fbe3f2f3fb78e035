package dev.sextant.retriever;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A convex combination of standardized scores: each list's scores are turned into z-scores (minus the
 * list's mean, over its standard deviation), so that BM25's unbounded scores and cosine similarities meet on
 * one scale, then summed with one weight per list. A document missing from a list gets that list's lowest
 * z-score: it ranks as if it were the list's last hit. Unlike {@link RrfFusion} it keeps how far apart the
 * hits of a list are, which is what a confident retriever knows and rank fusion throws away (Bruch et al.,
 * "An Analysis of Fusion Functions for Hybrid Retrieval", 2023). A list whose scores are all equal says
 * nothing about order and adds its weight times zero to each of its documents.
 */
public final class ConvexFusion implements Fusion {

    public static final String STAGE = "hybrid";
    /** The dense list's weight against BM25's, tuned on BEIR SciFact's train split (see docs/benchmarks.md). */
    public static final double DENSE_WEIGHT = 0.7;

    private final List<String> stages;
    private final double[] weights;

    /**
     * @param stages  the score key of each list, in the order the lists are given to {@link #fuse}
     * @param weights one non-negative weight per list, not all zero; they need not sum to one
     */
    public ConvexFusion(List<String> stages, double... weights) {
        if (stages.size() != weights.length || weights.length == 0) {
            throw new IllegalArgumentException("need one weight per list, got " + stages.size() + " lists and "
                    + weights.length + " weights");
        }
        if (Arrays.stream(weights).anyMatch(w -> !(w >= 0)) || Arrays.stream(weights).sum() == 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero, got "
                    + Arrays.toString(weights));
        }
        this.stages = List.copyOf(stages);
        this.weights = weights.clone();
    }

    /** BM25 then dense, weighted {@code 1 - denseWeight} and {@code denseWeight}. */
    public static ConvexFusion bm25AndDense(double denseWeight) {
        if (!(denseWeight >= 0 && denseWeight <= 1)) {
            throw new IllegalArgumentException("the dense weight must be within [0, 1], got " + denseWeight);
        }
        return new ConvexFusion(List.of(Bm25Retriever.STAGE, DenseRetriever.STAGE), 1 - denseWeight, denseWeight);
    }

    @Override
    public String stage() {
        return STAGE;
    }

    @Override
    public List<Candidate> fuse(List<List<Candidate>> rankings) {
        if (rankings.size() != weights.length) {
            throw new IllegalArgumentException("configured for " + weights.length + " lists, given " + rankings.size());
        }
        Map<String, Candidate> byDoc = new LinkedHashMap<>();
        Map<String, double[]> z = new LinkedHashMap<>();
        double[] floor = new double[rankings.size()];
        for (int list = 0; list < rankings.size(); list++) {
            List<Candidate> ranking = rankings.get(list);
            double[] standardized = standardize(ranking, stages.get(list));
            floor[list] = Arrays.stream(standardized).min().orElse(0);
            for (int i = 0; i < ranking.size(); i++) {
                Candidate c = ranking.get(i);
                byDoc.merge(c.docId(), c, (first, later) -> first.withScores(later.scores()));
                z.computeIfAbsent(c.docId(), d -> absentEverywhere())[list] = standardized[i];
            }
        }
        List<Candidate> out = new ArrayList<>(byDoc.size());
        byDoc.forEach((doc, c) -> {
            double[] scores = z.get(doc);
            double fused = 0;
            for (int list = 0; list < weights.length; list++) {
                fused += weights[list] * (Double.isNaN(scores[list]) ? floor[list] : scores[list]);
            }
            out.add(c.withScore(STAGE, (float) fused));
        });
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.scores().get(STAGE)).thenComparing(Candidate::docId));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ConvexFusion(z-scores;");
        for (int i = 0; i < weights.length; i++) {
            String weight = BigDecimal.valueOf(weights[i]).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
            sb.append(' ').append(stages.get(i)).append(' ').append(weight);
        }
        return sb.append(')').toString();
    }

    private double[] absentEverywhere() {
        double[] scores = new double[weights.length];
        Arrays.fill(scores, Double.NaN);
        return scores;
    }

    private static double[] standardize(List<Candidate> ranking, String stage) {
        double[] s = new double[ranking.size()];
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            Float score = ranking.get(i).scores().get(stage);
            if (score == null) {
                throw new IllegalArgumentException("candidate " + ranking.get(i).docId() + " has no '" + stage + "' score");
            }
            s[i] = score;
            sum += s[i];
        }
        double mean = s.length == 0 ? 0 : sum / s.length;
        double squares = 0;
        for (double v : s) {
            squares += (v - mean) * (v - mean);
        }
        double sd = s.length == 0 ? 0 : Math.sqrt(squares / s.length);
        for (int i = 0; i < s.length; i++) {
            s[i] = sd == 0 ? 0 : (s[i] - mean) / sd;
        }
        return s;
    }
}
