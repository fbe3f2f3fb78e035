package dev.sextant.retriever;

import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.IndexSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs several retrievers on the same query and snapshot, and fuses their rankings. */
public final class HybridRetriever implements Retriever {

    private final List<Retriever> retrievers;
    private final Fusion fusion;

    public HybridRetriever(List<Retriever> retrievers, Fusion fusion) {
        this.retrievers = List.copyOf(retrievers);
        this.fusion = fusion;
    }

    /** The coarse stage as production runs it: BM25 and dense kNN, fused. */
    public static HybridRetriever bm25AndDense(Embedder embedder, Fusion fusion) {
        return new HybridRetriever(List.of(new Bm25Retriever(), new DenseRetriever(embedder)), fusion);
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query, IndexSnapshot snapshot) throws IOException {
        List<List<Candidate>> rankings = new ArrayList<>(retrievers.size());
        for (Retriever r : retrievers) {
            rankings.add(r.retrieve(query, snapshot));
        }
        return fusion.fuse(rankings);
    }
}
