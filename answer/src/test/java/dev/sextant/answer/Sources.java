package dev.sextant.answer;

import dev.sextant.indexer.Passage;
import dev.sextant.retriever.Candidate;
import java.time.Instant;
import java.util.Map;

/** Checked candidates with passages, as the pipeline hands them to a writer. */
final class Sources {

    private Sources() {
    }

    static Candidate source(String name, String title, String text, String snippet) {
        String acl = "group:idp:finance";
        Passage p = new Passage(title, "", text, snippet, "file:/corpus/" + name, "filesystem",
                Instant.parse("2026-10-01T00:00:00Z"), acl);
        return new Candidate("fs:/corpus/" + name, "fs:/corpus/" + name + "#0", acl, Map.of("hybrid", 1f), p);
    }

    static Candidate source(String name, String title, String text) {
        return source(name, title, text, text);
    }
}
