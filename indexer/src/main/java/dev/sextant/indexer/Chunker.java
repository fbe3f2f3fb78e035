package dev.sextant.indexer;

import java.util.List;

/** Cuts a document's text into passages small enough to embed and to show as a snippet. */
@FunctionalInterface
public interface Chunker {

    /** Never empty: a document without body text still yields one chunk (its title). */
    List<ChunkText> chunk(String title, String body);

    /**
     * Names what this chunker does by what it makes of a fixed probe text (headings, sentences, 700 words):
     * two chunkers with the same fingerprint cut documents alike, as far as the probe can tell.
     */
    default String fingerprint() {
        StringBuilder probe = new StringBuilder("# Probe\n");
        for (int i = 0; i < 700; i++) {
            probe.append("word").append(i).append(i % 17 == 16 ? ". " : " ");
            if (i % 250 == 249) {
                probe.append("\n## Section ").append(i).append('\n');
            }
        }
        StringBuilder out = new StringBuilder();
        for (ChunkText c : chunk("Probe title", probe.toString())) {
            out.append(c.contextualized("Probe title")).append('\u0000');
        }
        return IndexingSession.hash(out.toString());
    }
}
