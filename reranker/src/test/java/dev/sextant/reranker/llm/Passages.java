package dev.sextant.reranker.llm;

import dev.sextant.indexer.Passage;
import dev.sextant.retriever.Candidate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Checked candidates with passages, for reranker tests. */
final class Passages {

    private Passages() {
    }

    static Candidate candidate(String id, String text) {
        return new Candidate(id, id + "#0", "public", Map.of()).withPassage(
                new Passage("", "", text, text, "https://x.example/" + id, "test", Instant.EPOCH, "public"));
    }

    /** One candidate per id, its text "about {@code id}". */
    static List<Candidate> of(String... ids) {
        return Arrays.stream(ids).map(id -> candidate(id, "about " + id)).toList();
    }
}
