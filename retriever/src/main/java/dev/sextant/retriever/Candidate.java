package dev.sextant.retriever;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document found for a query, represented by its best-matching chunk, with the score each stage gave
 * it ({@code bm25}, {@code dense}, {@code rrf}, ...). Stages return new candidates rather than mutate.
 *
 * @param aclText the document's ACL as stored in the index, for the gateway's re-check
 */
public record Candidate(String docId, String chunkId, String title, String heading, String passage, String url,
                        String source, Instant updated, String aclText, Map<String, Float> scores) {

    public Candidate {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    public Candidate withScore(String stage, float score) {
        Map<String, Float> s = new LinkedHashMap<>(scores);
        s.put(stage, score);
        return new Candidate(docId, chunkId, title, heading, passage, url, source, updated, aclText, s);
    }

    /** The same document's scores joined: used when fusion meets a document in several lists. */
    public Candidate withScores(Map<String, Float> more) {
        Map<String, Float> s = new LinkedHashMap<>(scores);
        s.putAll(more);
        return new Candidate(docId, chunkId, title, heading, passage, url, source, updated, aclText, s);
    }
}
