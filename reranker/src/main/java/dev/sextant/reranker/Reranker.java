package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.util.List;

/** Reorders candidates more finely than the stage before it; may add its own score to each. */
public interface Reranker {

    List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) throws Exception;

    /** Names the stage in scores, notices and logs. */
    String tag();
}
