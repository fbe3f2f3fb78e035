package dev.sextant.bench.scale;

import dev.sextant.acl.Acl;
import dev.sextant.acl.Principals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The ground truth for dense recall: the top {@code k} documents, each scored by its best chunk's dot product
 * (as the index ranks kNN hits), over every vector of the corpus the reader may read, by brute force, ACLs
 * judged by {@link Acl#admits}, documents below a least similarity left out (the search pipeline drops kNN-only
 * hits under its dense floor by design, so that is not a recall loss). One pass over the corpus answers every query of every reader, regenerating
 * each vector once instead of holding them all.
 */
final class ExactSearch {

    private record Hit(int doc, float score) {
    }

    private static final Comparator<Hit> WORST_FIRST = Comparator.comparingDouble(Hit::score);

    private ExactSearch() {
    }

    /**
     * @param floor the least cosine similarity a document needs to count
     * @return for each reader, for each query, the document ids of its exact top {@code k}, best first
     */
    static List<List<List<String>>> topK(SyntheticCorpus corpus, List<Principals> readers, List<float[]> queries, int k,
                                           double floor) {
        List<List<PriorityQueue<Hit>>> heaps = new ArrayList<>();
        for (int r = 0; r < readers.size(); r++) {
            List<PriorityQueue<Hit>> perQuery = new ArrayList<>();
            for (int q = 0; q < queries.size(); q++) {
                perQuery.add(new PriorityQueue<>(k + 1, WORST_FIRST));
            }
            heaps.add(perQuery);
        }
        boolean[] admitted = new boolean[readers.size()];
        float[] best = new float[queries.size()];
        for (int doc = 0; doc < corpus.documents(); doc++) {
            Acl acl = corpus.acl(doc);
            boolean any = false;
            for (int r = 0; r < readers.size(); r++) {
                admitted[r] = acl.admits(readers.get(r));
                any |= admitted[r];
            }
            if (!any) {
                continue;
            }
            Arrays.fill(best, Float.NEGATIVE_INFINITY);
            int end = Math.min(SyntheticCorpus.firstChunk(doc) + SyntheticCorpus.CHUNKS_PER_DOC, corpus.chunks());
            for (int chunk = SyntheticCorpus.firstChunk(doc); chunk < end; chunk++) {
                float[] v = corpus.vector(chunk);
                for (int q = 0; q < queries.size(); q++) {
                    best[q] = Math.max(best[q], dot(v, queries.get(q)));
                }
            }
            for (int r = 0; r < readers.size(); r++) {
                if (admitted[r]) {
                    for (int q = 0; q < queries.size(); q++) {
                        if (best[q] >= floor) {
                            offer(heaps.get(r).get(q), new Hit(doc, best[q]), k);
                        }
                    }
                }
            }
        }
        return heaps.stream().map(perQuery -> perQuery.stream().map(ExactSearch::bestFirst).toList()).toList();
    }

    /** The share of {@code exact} found in the first {@code exact.size()} of {@code found}; 1 when exact is empty. */
    static double recall(List<String> found, List<String> exact) {
        if (exact.isEmpty()) {
            return 1;
        }
        Set<String> top = Set.copyOf(found.subList(0, Math.min(found.size(), exact.size())));
        return exact.stream().filter(top::contains).count() / (double) exact.size();
    }

    private static void offer(PriorityQueue<Hit> heap, Hit hit, int k) {
        if (heap.size() < k) {
            heap.add(hit);
        } else if (hit.score() > heap.peek().score()) {
            heap.poll();
            heap.add(hit);
        }
    }

    private static List<String> bestFirst(PriorityQueue<Hit> heap) {
        return heap.stream().sorted(WORST_FIRST.reversed())
                .map(h -> SyntheticCorpus.documentId(h.doc())).toList();
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
