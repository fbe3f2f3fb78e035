package dev.sextant.retriever;

import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.IndexSchema;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.SearcherManager;

/**
 * Nearest chunks by embedding, with the ACL filter given to HNSW as a pre-filter: the graph search only
 * ever collects chunks the reader may see, so a top-k is never emptied by filtering afterwards.
 */
public final class DenseRetriever implements Retriever {

    public static final String STAGE = "dense";

    private final SearcherManager searchers;
    private final Embedder embedder;

    public DenseRetriever(SearcherManager searchers, Embedder embedder) {
        this.searchers = searchers;
        this.embedder = embedder;
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query) throws IOException {
        float[] vector = embedder.embedQuery(query.text());
        IndexSearcher searcher = searchers.acquire();
        try {
            var knn = new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, query.depth(), query.accessFilter());
            return ChunkHits.bestPerDocument(searcher, searcher.search(knn, query.depth()), STAGE);
        } finally {
            searchers.release(searcher);
        }
    }
}
