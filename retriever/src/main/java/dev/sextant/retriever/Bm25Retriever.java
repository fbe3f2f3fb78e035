package dev.sextant.retriever;

import dev.sextant.indexer.IndexSnapshot;
import java.io.IOException;
import java.util.List;

/** BM25 over title, headings and passage text, the reader's access filter inside the query. */
public final class Bm25Retriever implements Retriever {

    public static final String STAGE = "bm25";

    @Override
    public List<Candidate> retrieve(SearchQuery query, IndexSnapshot snapshot) throws IOException {
        return Candidate.of(snapshot.lexical(query.lexical(), query.reader(), query.depth()), STAGE);
    }
}
