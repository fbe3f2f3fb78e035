package dev.sextant.retriever;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/** BM25 over title, headings and passage text, with the reader's ACL filter inside the query. */
public final class Bm25Retriever implements Retriever {

    public static final String STAGE = "bm25";

    private final SearcherManager searchers;

    public Bm25Retriever(SearcherManager searchers) {
        this.searchers = searchers;
    }

    @Override
    public List<Candidate> retrieve(SearchQuery query) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            var hits = searcher.search(AclFilter.restrict(query.lexical(), query.accessFilter()), query.depth());
            return ChunkHits.bestPerDocument(searcher, hits, STAGE);
        } finally {
            searchers.release(searcher);
        }
    }
}
