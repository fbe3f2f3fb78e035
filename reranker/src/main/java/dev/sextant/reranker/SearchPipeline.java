package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.Retriever;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.util.List;

/**
 * The query path below the gateway, coarse then fine:
 * <pre>
 *   SearchQuery ─► Retriever (BM25 ∪ kNN, ACL-filtered, RRF) ─► RerankerCascade ─► ranked candidates
 * </pre>
 * It only sequences; each stage is its own class.
 */
public final class SearchPipeline {

    private final Retriever retriever;
    private final RerankerCascade cascade;

    public SearchPipeline(Retriever retriever, RerankerCascade cascade) {
        this.retriever = retriever;
        this.cascade = cascade;
    }

    public RerankerCascade.Result search(SearchQuery query) throws IOException, InterruptedException {
        List<Candidate> coarse = retriever.retrieve(query);
        return cascade.rerank(query, coarse);
    }
}
