package dev.sextant.retriever;

import dev.sextant.indexer.ChunkHit;
import dev.sextant.indexer.Passage;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A document found for a query, represented by its best-matching chunk, with the score each stage gave
 * it ({@code bm25}, {@code dense}, {@code rrf}, ...). Stages return new candidates rather than mutate.
 *
 * <p>Retrievers fill in only what ranking and the access check need; the {@link Passage} is loaded
 * afterwards, by {@link PassageLoader}, for the few candidates that are shown or reranked, since reading it
 * costs far more than a hit.
 *
 * @param aclText the document's ACL as stored in the index, for the guard's re-check; once the passage is
 *                loaded, the ACL stored with the passage
 * @param passage what is shown of it; null until loaded
 */
public record Candidate(String docId, String chunkId, String aclText, Map<String, Float> scores, Passage passage) {

    public Candidate {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** A candidate as a retriever finds it: no passage loaded yet. */
    public Candidate(String docId, String chunkId, String aclText, Map<String, Float> scores) {
        this(docId, chunkId, aclText, scores, null);
    }

    /** One candidate per hit, scored under {@code stage}. */
    public static List<Candidate> of(List<ChunkHit> hits, String stage) {
        return hits.stream().map(h -> new Candidate(h.docId(), h.chunkId(), h.aclText(), Map.of(stage, h.score())))
                .toList();
    }

    /** @throws IllegalStateException when the passage was not loaded: pass the candidate through a {@link PassageLoader} */
    @Override
    public Passage passage() {
        if (passage == null) {
            throw new IllegalStateException("the passage of " + chunkId + " is not loaded; use a PassageLoader");
        }
        return passage;
    }

    public boolean hasPassage() {
        return passage != null;
    }

    public Candidate withPassage(Passage loaded) {
        return new Candidate(docId, chunkId, loaded.aclText(), scores, loaded);
    }

    public Candidate withScore(String stage, float score) {
        Map<String, Float> s = new LinkedHashMap<>(scores);
        s.put(stage, score);
        return new Candidate(docId, chunkId, aclText, s, passage);
    }

    /** The same document's scores joined: used when fusion meets a document in several lists. */
    public Candidate withScores(Map<String, Float> more) {
        Map<String, Float> s = new LinkedHashMap<>(scores);
        s.putAll(more);
        return new Candidate(docId, chunkId, aclText, s, passage);
    }
}
