package dev.sextant.retriever;

import dev.sextant.indexer.IndexSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The fetch phase after ranking: loads the {@link Passage} of the candidates that are shown or reranked, by
 * chunk id, from the index as it is now. A candidate whose chunk is gone (its document was deleted or
 * re-chunked since it was found) is dropped rather than shown stale.
 */
public final class PassageLoader {

    private static final Set<String> FIELDS = Set.of(IndexSchema.CHUNK_ID, IndexSchema.TITLE, IndexSchema.HEADING,
            IndexSchema.BODY, IndexSchema.URL, IndexSchema.SOURCE, IndexSchema.UPDATED);

    private final SearcherManager searchers;

    public PassageLoader(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** The candidates in the same order, each with its passage; those whose chunk is gone are left out. */
    public List<Candidate> load(List<Candidate> candidates) throws IOException {
        List<BytesRef> ids = candidates.stream().filter(c -> !c.hasPassage()).map(c -> new BytesRef(c.chunkId()))
                .toList();
        Map<String, Passage> passages = ids.isEmpty() ? Map.of() : fetch(ids);
        List<Candidate> loaded = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            if (c.hasPassage()) {
                loaded.add(c);
            } else {
                Passage p = passages.get(c.chunkId());
                if (p != null) {
                    loaded.add(c.withPassage(p));
                }
            }
        }
        return loaded;
    }

    private Map<String, Passage> fetch(List<BytesRef> chunkIds) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            var hits = searcher.search(new TermInSetQuery(IndexSchema.CHUNK_ID, chunkIds), chunkIds.size());
            StoredFields stored = searcher.storedFields();
            Map<String, Passage> passages = new HashMap<>();
            for (ScoreDoc hit : hits.scoreDocs) {
                Document d = stored.document(hit.doc, FIELDS);
                passages.put(d.get(IndexSchema.CHUNK_ID), new Passage(d.get(IndexSchema.TITLE),
                        d.get(IndexSchema.HEADING), d.get(IndexSchema.BODY), d.get(IndexSchema.URL),
                        d.get(IndexSchema.SOURCE),
                        Instant.ofEpochMilli(d.getField(IndexSchema.UPDATED).numericValue().longValue())));
            }
            return passages;
        } finally {
            searchers.release(searcher);
        }
    }
}
