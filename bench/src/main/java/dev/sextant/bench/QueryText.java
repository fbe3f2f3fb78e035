package dev.sextant.bench;

/**
 * Makes a BEIR query run as the bag of words BEIR baselines search for: every character the production
 * query syntax reads as an operator ({@code + | - " * ( ) ~ \}) is escaped with a backslash, so that
 * "unbalanced" quotes or parentheses in a claim are plain text and the analyzer sees the rest unchanged.
 * Only the lexical side is escaped; the dense side embeds the query as written.
 */
final class QueryText {

    private static final String OPERATORS = "+|-\"*()~\\";

    private QueryText() {
    }

    static String escapeOperators(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPERATORS.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
