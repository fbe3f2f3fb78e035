package dev.sextant.retriever;

import dev.sextant.acl.Principals;
import java.util.Objects;

/**
 * A validated query on its way through the stages, bound to its reader: every stage that searches filters
 * by that reader, and the query cannot be set apart from it.
 *
 * @param text    what the person typed: what the embedder and rerankers read
 * @param lexical the same in the {@link QuerySyntax} that BM25 runs and snippets highlight; usually {@code text}
 * @param reader  everything the person is
 * @param depth   how many chunk hits each coarse stage collects at most
 */
public record SearchQuery(String text, String lexical, Principals reader, int depth) {

    /** @throws InvalidQueryException when {@code lexical} is not valid {@link QuerySyntax} */
    public SearchQuery {
        QuerySyntax.validate(lexical);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reader, "reader");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be positive, got " + depth);
        }
    }

    /** What a person typed, searched as typed. */
    public static SearchQuery of(String text, Principals reader, int depth) {
        QuerySyntax.validate(text);
        return new SearchQuery(text, text, reader, depth);
    }

    @Override
    public String toString() {
        return "SearchQuery[" + text + ", depth " + depth + ", " + reader.all().size() + " principals]";
    }
}
