package dev.sextant.retriever;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs several retrievers on the same query and fuses their rankings with RRF. */
public final class HybridRetriever implements Retriever {

    private final List<Retriever> retrievers;
    private final RrfFusion fusion;

    public HybridRetriever(List<Retriever> retrievers, RrfFusion fusion) {
        this.retrievers = List.copyOf(retrievers);
        this.fusion = fusion;
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query) throws IOException {
        List<List<Candidate>> rankings = new ArrayList<>(retrievers.size());
        for (Retriever r : retrievers) {
            rankings.add(r.retrieve(query));
        }
        return fusion.fuse(rankings);
    }
}
