package dev.sextant.indexer;

import java.time.Instant;

/**
 * What a person is shown of a chunk: its document's title, URL and source, the chunk's passage, a snippet of
 * it highlighted for the query, and the ACL stored with it, which the search re-checks.
 *
 * @param heading the chunk's heading path, empty when none
 * @param text    the chunk's passage
 * @param snippet HTML: the best fragment of the passage for the query, escaped, with {@code <mark>} around matches
 */
public record Passage(String title, String heading, String text, String snippet, String url, String source,
                      Instant updated, String aclText) {
}
