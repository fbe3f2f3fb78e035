package dev.sextant.retriever;

import java.time.Instant;

/**
 * What a person is shown of a candidate: its document's title, URL and source, and the chunk that matched.
 * Loaded from stored fields by {@link PassageLoader} only for candidates that are shown or reranked.
 *
 * @param heading the chunk's heading path, empty when none
 * @param text    the chunk's passage
 */
public record Passage(String title, String heading, String text, String url, String source, Instant updated) {
}
