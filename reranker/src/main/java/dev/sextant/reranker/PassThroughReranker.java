package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.util.List;

/** Keeps the coarse order: the default when no cross-encoder or LLM is configured. */
public final class PassThroughReranker implements Reranker {

    @Override
    public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) {
        return candidates;
    }

    @Override
    public String tag() {
        return "none";
    }
}
