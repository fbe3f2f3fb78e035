package dev.sextant.connectors.extract;

/**
 * Evens out the whitespace of extracted text in one linear pass: drops the spaces, tabs, vertical tabs,
 * form feeds and carriage returns that end a line, keeps at most one blank line between paragraphs, and
 * strips the whole. A hand-written scan rather than regexes, whose backtracking over a long run of spaces
 * costs time quadratic in its length.
 */
final class TextTidy {

    private TextTidy() {
    }

    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lineBreaks = 0;
        int trailingSpaceFrom = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (trailingSpaceFrom >= 0) {
                    out.setLength(trailingSpaceFrom);
                    trailingSpaceFrom = -1;
                }
                if (++lineBreaks <= 2) {
                    out.append(c);
                }
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r') {
                if (trailingSpaceFrom < 0) {
                    trailingSpaceFrom = out.length();
                }
                out.append(c);
            } else {
                trailingSpaceFrom = -1;
                lineBreaks = 0;
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
