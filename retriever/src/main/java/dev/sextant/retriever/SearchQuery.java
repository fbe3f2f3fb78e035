package dev.sextant.retriever;

import dev.sextant.acl.Principals;
import java.util.Objects;
import org.apache.lucene.search.Query;

/**
 * A validated query on its way through the stages. Its access filter is built once, from the reader, when
 * the query is made (for a reader of thousands of groups that costs milliseconds), and every stage that
 * searches uses that one; it cannot be set apart from the reader.
 */
public final class SearchQuery {

    private final String text;
    private final Query lexical;
    private final Principals reader;
    private final int depth;
    private final Query accessFilter;

    /**
     * @param text    what the person typed
     * @param lexical the parsed form BM25 runs and snippets highlight
     * @param reader  everything the person is; every stage filters by it
     * @param depth   how many chunk hits each coarse stage collects at most
     */
    public SearchQuery(String text, Query lexical, Principals reader, int depth) {
        this.text = Objects.requireNonNull(text, "text");
        this.lexical = Objects.requireNonNull(lexical, "lexical");
        this.reader = Objects.requireNonNull(reader, "reader");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
        this.depth = depth;
        this.accessFilter = AclFilter.of(reader);
    }

    public String text() {
        return text;
    }

    public Query lexical() {
        return lexical;
    }

    public Principals reader() {
        return reader;
    }

    public int depth() {
        return depth;
    }

    /** {@link AclFilter#of} the reader. */
    public Query accessFilter() {
        return accessFilter;
    }

    @Override
    public String toString() {
        return "SearchQuery[" + text + ", depth " + depth + ", " + reader.all().size() + " principals]";
    }
}
