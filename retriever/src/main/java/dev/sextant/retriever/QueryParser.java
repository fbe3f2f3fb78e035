package dev.sextant.retriever;

import dev.sextant.indexer.IndexSchema;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a person types into a BM25 query: words are OR-ed, {@code "quoted phrases"}, {@code +must},
 * {@code -not}, {@code prefix*} and {@code (groups)} work as in web search engines. Rejects, with a message,
 * what would otherwise be silently misread: blank or overlong input, unbalanced quotes or parentheses,
 * control characters.
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 1000;

    private final Analyzer analyzer;

    public QueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public static QueryParser english() {
        return new QueryParser(IndexSchema.analyzer());
    }

    /** Never returns null: a query of only stop words matches nothing lexically (dense search still runs). */
    public Query parse(String text) {
        validate(text);
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, IndexSchema.CONTENT);
        Query q = parser.parse(text);
        return q == null ? new MatchNoDocsQuery("no searchable terms") : q;
    }

    static void validate(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException("the query is empty: type a few words to search for");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQueryException("the query is " + text.length() + " characters long; the limit is "
                    + MAX_LENGTH);
        }
        int depth = 0;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                throw new InvalidQueryException("the query contains a control character at position " + (i + 1));
            }
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == '(') {
                depth++;
            } else if (!inQuotes && c == ')' && --depth < 0) {
                throw new InvalidQueryException("the query has a ')' without a matching '(' at position " + (i + 1));
            }
        }
        if (inQuotes) {
            throw new InvalidQueryException("the query has an opening '\"' without a closing one");
        }
        if (depth > 0) {
            throw new InvalidQueryException("the query has " + depth + " unclosed '('");
        }
    }
}
