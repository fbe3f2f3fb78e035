package dev.sextant.retriever;

/**
 * The query syntax a person types, checked before any engine sees it: words are OR-ed,
 * {@code "quoted phrases"}, {@code +must}, {@code -not}, {@code prefix*} and {@code (groups)} work as in web
 * search engines (the syntax of Lucene's SimpleQueryParser and OpenSearch's {@code simple_query_string}).
 * Rejects, with a message, what an engine would otherwise silently misread: blank or overlong input,
 * unbalanced quotes or parentheses, control characters.
 */
public final class QuerySyntax {

    public static final int MAX_LENGTH = 1000;

    private QuerySyntax() {
    }

    /** @throws InvalidQueryException saying what to change */
    public static void validate(String text) {
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
