package dev.sextant.retriever;

import dev.sextant.indexer.IndexSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Turns chunk hits into document candidates: each document once, represented by its best chunk. */
final class ChunkHits {

    private static final Set<String> FIELDS = Set.of(IndexSchema.CHUNK_ID, IndexSchema.DOC_ID, IndexSchema.TITLE,
            IndexSchema.HEADING, IndexSchema.BODY, IndexSchema.URL, IndexSchema.SOURCE, IndexSchema.UPDATED,
            IndexSchema.ACL_TEXT);

    private ChunkHits() {
    }

    static List<Candidate> bestPerDocument(IndexSearcher searcher, TopDocs hits, String stage) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScoreDoc hit : hits.scoreDocs) {
            Document d = stored.document(hit.doc, FIELDS);
            String docId = d.get(IndexSchema.DOC_ID);
            if (seen.add(docId)) {
                candidates.add(new Candidate(docId, d.get(IndexSchema.CHUNK_ID), d.get(IndexSchema.TITLE),
                        d.get(IndexSchema.HEADING), d.get(IndexSchema.BODY), d.get(IndexSchema.URL),
                        d.get(IndexSchema.SOURCE),
                        Instant.ofEpochMilli(d.getField(IndexSchema.UPDATED).numericValue().longValue()),
                        d.get(IndexSchema.ACL_TEXT), Map.of(stage, hit.score)));
            }
        }
        return candidates;
    }
}
