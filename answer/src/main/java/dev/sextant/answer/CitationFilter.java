package dev.sextant.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the citations of an answer while it streams: {@code [n]} (or {@code [n, m]}) for a source that was
 * given passes and is recorded; a number that was not given is removed from the text before anyone sees it.
 * A {@code [} is held back until its bracket closes or turns out not to be a citation.
 */
final class CitationFilter {

    private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d+(\\s*,\\s*\\d+)*\\s*]");
    private static final int LONGEST_CITATION = 32;

    private final int sources;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final Set<Integer> cited = new LinkedHashSet<>();
    private final Set<String> dropped = new LinkedHashSet<>();

    /** @param sources how many sources were given, numbered 1 to {@code sources} */
    CitationFilter(int sources) {
        this.sources = sources;
    }

    /** @return what of {@code chunk} can be shown now */
    String accept(String chunk) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chunk.length(); i++) {
            step(chunk.charAt(i), out);
        }
        text.append(out);
        return out.toString();
    }

    /** @return what was held back at the end of the stream: an unclosed bracket is text */
    String finish() {
        String rest = pending.toString();
        pending.setLength(0);
        text.append(rest);
        return rest;
    }

    String text() {
        return text.toString();
    }

    /** The given sources cited, in the order first cited. */
    List<Integer> cited() {
        return List.copyOf(cited);
    }

    /** The numbers cited that name no given source, as written. */
    List<String> dropped() {
        return new ArrayList<>(dropped);
    }

    private void step(char c, StringBuilder out) {
        if (pending.isEmpty()) {
            if (c == '[') {
                pending.append(c);
            } else {
                out.append(c);
            }
        } else if (c == ']') {
            pending.append(c);
            out.append(resolve(pending.toString()));
            pending.setLength(0);
        } else if (((c >= '0' && c <= '9') || c == ',' || c == ' ') && pending.length() < LONGEST_CITATION) {
            pending.append(c);
        } else {
            out.append(pending);
            pending.setLength(0);
            step(c, out);
        }
    }

    private String resolve(String bracket) {
        if (!CITATION.matcher(bracket).matches()) {
            return bracket;
        }
        List<String> kept = new ArrayList<>();
        for (String number : bracket.substring(1, bracket.length() - 1).split(",")) {
            String digits = number.strip();
            int n = digits.length() > 6 ? -1 : Integer.parseInt(digits);
            if (n >= 1 && n <= sources) {
                cited.add(n);
                kept.add(Integer.toString(n));
            } else {
                dropped.add(digits);
            }
        }
        return kept.isEmpty() ? "" : "[" + String.join(", ", kept) + "]";
    }
}
