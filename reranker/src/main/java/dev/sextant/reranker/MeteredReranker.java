package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.util.List;

/** A reranker that pays per token (an LLM) and says how many one call used, for the cascade's report. */
public interface MeteredReranker extends Reranker {

    /** @param tokens what the calls cost in all, as the endpoint counted them (input and output) */
    record Reranked(List<Candidate> candidates, int tokens) {
    }

    Reranked rerankMetered(SearchQuery query, List<Candidate> candidates) throws Exception;

    @Override
    default List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) throws Exception {
        return rerankMetered(query, candidates).candidates();
    }
}
