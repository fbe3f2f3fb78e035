package dev.sextant.indexer;

/**
 * A passage cut from a document by a {@link Chunker}.
 *
 * @param heading the path of headings above it ("Failover > Promote the replica"), empty when none
 * @param text    the passage itself, as shown in snippets
 */
public record ChunkText(String heading, String text) {

    /** What the embedder and BM25 see: the document title and heading give a passage its context. */
    public String contextualized(String title) {
        StringBuilder sb = new StringBuilder(title.length() + heading.length() + text.length() + 2);
        sb.append(title);
        if (!heading.isEmpty() && !heading.equals(title)) {
            sb.append('\n').append(heading);
        }
        return sb.append('\n').append(text).toString();
    }
}
