package dev.sextant.indexer;

import java.util.List;

/** Cuts a document's text into passages small enough to embed and to show as a snippet. */
@FunctionalInterface
public interface Chunker {

    /** Never empty: a document without body text still yields one chunk (its title). */
    List<ChunkText> chunk(String title, String body);
}
