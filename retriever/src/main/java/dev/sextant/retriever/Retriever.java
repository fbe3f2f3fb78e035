package dev.sextant.retriever;

import java.io.IOException;
import java.util.List;

/** Finds candidate documents a reader may see, best first; one candidate per document. */
@FunctionalInterface
public interface Retriever {

    List<Candidate> retrieve(SearchQuery query) throws IOException;
}
