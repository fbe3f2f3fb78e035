package dev.sextant.retriever;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * What every fusion does around its scoring: gathers the documents of several rankings, each once, keeping
 * its passage from the first list it was in and the scores of every list, then ranks them by a fused score.
 */
final class FusedCandidates {

    private final Map<String, Candidate> byDoc = new LinkedHashMap<>();

    void add(Candidate candidate) {
        byDoc.merge(candidate.docId(), candidate, (first, later) -> first.withScores(later.scores()));
    }

    /** The documents gathered so far, in the order first met. */
    Set<String> docIds() {
        return Collections.unmodifiableSet(byDoc.keySet());
    }

    /** Every document with its fused score under {@code stage}, best first, ties by document id. */
    List<Candidate> ranked(String stage, ToDoubleFunction<String> fusedScoreOfDoc) {
        List<Candidate> out = new ArrayList<>(byDoc.size());
        byDoc.forEach((doc, c) -> out.add(c.withScore(stage, (float) fusedScoreOfDoc.applyAsDouble(doc))));
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.scores().get(stage)).thenComparing(Candidate::docId));
        return out;
    }
}
