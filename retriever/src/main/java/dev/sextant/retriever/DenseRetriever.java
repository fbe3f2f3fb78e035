package dev.sextant.retriever;

import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.IndexSnapshot;
import java.io.IOException;
import java.util.List;

/**
 * Nearest chunks by embedding, the reader's access filter given to the vector search as a pre-filter: the
 * search only ever collects chunks the reader may read, so a top-k is never emptied by filtering afterwards.
 */
public final class DenseRetriever implements Retriever {

    public static final String STAGE = "dense";

    private final Embedder embedder;

    public DenseRetriever(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query, IndexSnapshot snapshot) throws IOException {
        float[] vector = embedder.embedQuery(query.text());
        return Candidate.of(snapshot.vector(vector, query.reader(), query.depth()), STAGE);
    }
}
