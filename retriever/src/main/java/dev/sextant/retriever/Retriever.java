package dev.sextant.retriever;

import dev.sextant.indexer.IndexSnapshot;
import java.io.IOException;
import java.util.List;

/** Finds candidate documents the query's reader may read, best first, one candidate per document. */
@FunctionalInterface
public interface Retriever {

    /** @param snapshot the view of the index every stage of this search reads */
    List<Candidate> retrieve(SearchQuery query, IndexSnapshot snapshot) throws IOException;
}
