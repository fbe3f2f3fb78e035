package dev.sextant.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text at Markdown-style headings ({@code #} lines), then packs each section into windows of at
 * most {@code maxTokens} tokens that overlap by {@code overlapTokens}, breaking at sentence ends where it
 * can. A chunk never spans two sections, except that sections shorter than {@code minTokens} are merged
 * into the next one so that a heading with one line under it does not become a chunk of its own.
 *
 * <p>Tokens are whitespace-separated words; bge's WordPiece yields about 1.3 per English word, so the
 * default 200 words stays well inside the model's 512-token window.
 */
public final class HeadingAwareChunker implements Chunker {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private final int maxTokens;
    private final int overlapTokens;
    private final int minTokens;

    public HeadingAwareChunker(int maxTokens, int overlapTokens) {
        if (maxTokens < 8 || overlapTokens < 0 || overlapTokens >= maxTokens / 2) {
            throw new IllegalArgumentException("need maxTokens >= 8 and 0 <= overlapTokens < maxTokens / 2, got "
                    + maxTokens + " and " + overlapTokens);
        }
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
        this.minTokens = Math.max(1, maxTokens / 8);
    }

    public static HeadingAwareChunker defaults() {
        return new HeadingAwareChunker(200, 40);
    }

    @Override
    public List<ChunkText> chunk(String title, String body) {
        List<ChunkText> chunks = new ArrayList<>();
        for (Section section : mergeSmall(sections(body))) {
            window(section, chunks);
        }
        if (chunks.isEmpty()) {
            chunks.add(new ChunkText("", title));
        }
        return chunks;
    }

    private record Section(String heading, List<String> words) {
    }

    private List<Section> sections(String body) {
        List<Section> sections = new ArrayList<>();
        String[] path = new String[7];
        List<String> words = new ArrayList<>();
        String heading = "";
        for (String line : body.split("\\R")) {
            Heading h = Heading.parse(line);
            if (h != null) {
                sections.add(new Section(heading, words));
                words = new ArrayList<>();
                int level = h.level();
                path[level] = h.text();
                for (int i = level + 1; i < path.length; i++) {
                    path[i] = null;
                }
                heading = joinPath(path);
            } else {
                var w = WORD.matcher(line);
                while (w.find()) {
                    words.add(w.group());
                }
            }
        }
        sections.add(new Section(heading, words));
        sections.removeIf(s -> s.words().isEmpty());
        return sections;
    }

    /**
     * An ATX heading line ({@code ## Setup ##}): one to six {@code #} after at most three spaces, then
     * whitespace, then the text without its closing {@code #} run. A scan, linear in the line's length, that
     * gives exactly what {@code ^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$} gave (chunk boundaries and heading paths
     * must not move), without that pattern's cubic backtracking on long runs of spaces.
     */
    record Heading(int level, String text) {

        /** The heading the line holds, or {@code null} when it holds none. */
        static Heading parse(String line) {
            int n = line.length();
            int i = 0;
            while (i < n && i < 3 && isSpace(line.charAt(i))) {
                i++;
            }
            int hashesFrom = i;
            while (i < n && line.charAt(i) == '#') {
                i++;
            }
            int level = i - hashesFrom;
            if (level < 1 || level > 6 || i == n || !isSpace(line.charAt(i))) {
                return null;
            }
            int textFrom = i;
            while (textFrom < n && isSpace(line.charAt(textFrom))) {
                textFrom++;
            }
            if (textFrom == n) {
                // Nothing but whitespace after the #s: the pattern took its last character as the text,
                // provided one more was left to separate it from the #s.
                return n - i >= 2 ? new Heading(level, line.substring(n - 1)) : null;
            }
            int end = n;
            while (end > textFrom && isSpace(line.charAt(end - 1))) {
                end--;
            }
            while (end > textFrom && line.charAt(end - 1) == '#') {
                end--;
            }
            while (end > textFrom && isSpace(line.charAt(end - 1))) {
                end--;
            }
            return new Heading(level, line.substring(textFrom, Math.max(end, textFrom + 1)));
        }

        /** What {@code \s} matches in a Java regex. */
        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }
    }

    private static String joinPath(String[] path) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) {
            if (p != null) {
                if (!sb.isEmpty()) {
                    sb.append(" > ");
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    private List<Section> mergeSmall(List<Section> sections) {
        List<Section> merged = new ArrayList<>();
        Section carry = null;
        for (Section s : sections) {
            if (carry != null) {
                List<String> words = new ArrayList<>(carry.words());
                words.addAll(s.words());
                s = new Section(carry.heading(), words);
                carry = null;
            }
            if (s.words().size() < minTokens) {
                carry = s;
            } else {
                merged.add(s);
            }
        }
        if (carry != null) {
            if (merged.isEmpty()) {
                merged.add(carry);
            } else {
                Section last = merged.removeLast();
                List<String> words = new ArrayList<>(last.words());
                words.addAll(carry.words());
                merged.add(new Section(last.heading(), words));
            }
        }
        return merged;
    }

    private void window(Section section, List<ChunkText> out) {
        List<String> words = section.words();
        int start = 0;
        while (start < words.size()) {
            int end = Math.min(words.size(), start + maxTokens);
            if (end < words.size()) {
                end = sentenceBreak(words, start, end);
            }
            out.add(new ChunkText(section.heading(), String.join(" ", words.subList(start, end))));
            if (end == words.size()) {
                break;
            }
            start = Math.max(start + 1, end - overlapTokens);
        }
    }

    /** The last sentence end in the second half of the window, or the window's end when there is none. */
    private int sentenceBreak(List<String> words, int start, int end) {
        int earliest = start + (end - start) / 2;
        for (int i = end; i > earliest; i--) {
            String w = words.get(i - 1);
            char last = w.charAt(w.length() - 1);
            if (last == '.' || last == '?' || last == '!' || last == ':') {
                return i;
            }
        }
        return end;
    }
}
