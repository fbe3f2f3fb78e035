package dev.sextant.retriever;

import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fetch phase after ranking: loads the {@link Passage} of the candidates that are shown or reranked, by
 * chunk id, from the snapshot they were found in. The candidate takes the ACL stored with the passage, which
 * the caller checks again; a candidate whose chunk the snapshot does not hold is dropped.
 */
public final class PassageLoader {

    private PassageLoader() {
    }

    /** The candidates in the same order, each with its passage; @param query what snippets highlight */
    public static List<Candidate> load(IndexSnapshot snapshot, List<Candidate> candidates, String query)
            throws IOException {
        List<String> ids = candidates.stream().filter(c -> !c.hasPassage()).map(Candidate::chunkId).toList();
        Map<String, Passage> passages = snapshot.fetch(ids, query);
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
}
