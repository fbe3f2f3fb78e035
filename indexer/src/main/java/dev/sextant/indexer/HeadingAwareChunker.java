package dev.sextant.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
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

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
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
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                sections.add(new Section(heading, words));
                words = new ArrayList<>();
                int level = m.group(1).length();
                path[level] = m.group(2);
                for (int i = level + 1; i < path.length; i++) {
                    path[i] = null;
                }
                heading = joinPath(path);
            } else {
                Matcher w = WORD.matcher(line);
                while (w.find()) {
                    words.add(w.group());
                }
            }
        }
        sections.add(new Section(heading, words));
        sections.removeIf(s -> s.words().isEmpty());
        return sections;
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
