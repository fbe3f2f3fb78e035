package dev.sextant.connectors.extract;

import dev.sextant.connectors.StrictUtf8;
import java.nio.charset.CharacterCodingException;
import java.util.Set;

/**
 * Reads Markdown ({@code .md}, {@code .markdown}) and plain text ({@code .txt}) as UTF-8. Content with NUL
 * bytes or invalid UTF-8 is rejected as binary. A Markdown file's title is its first {@code # } heading
 * outside code fences; otherwise, and for plain text, the file name without its extension.
 */
public final class PlainTextExtractor implements TextExtractor {

    private static final Set<String> MARKDOWN = Set.of("md", "markdown");
    private static final Set<String> PLAIN = Set.of("txt");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    @Override
    public boolean supports(String fileName) {
        String extension = FileNames.extension(fileName);
        return MARKDOWN.contains(extension) || PLAIN.contains(extension);
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
        String text = decode(content);
        String title = MARKDOWN.contains(FileNames.extension(fileName)) ? firstHeading(text) : null;
        return new ExtractedText(title != null ? title : FileNames.title(fileName), text);
    }

    private static String decode(byte[] content) throws ExtractionException {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw new ExtractionException("binary content (NUL byte at offset " + i + ")");
            }
        }
        String text;
        try {
            text = StrictUtf8.decode(content);
        } catch (CharacterCodingException e) {
            throw new ExtractionException("binary content (not valid UTF-8)", e);
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** The first level-one ATX heading, skipping fenced code where {@code #} is often a shell comment. */
    private static String firstHeading(String markdown) {
        boolean inFence = false;
        for (String line : markdown.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("# ")) {
                String heading = withoutClosingHashes(line.substring(2)).strip();
                if (!heading.isEmpty()) {
                    return heading;
                }
            }
        }
        return null;
    }

    /**
     * The heading text without a closing sequence ({@code "Title ##  "} becomes {@code "Title"}): trailing
     * whitespace, a run of {@code #} and the whitespace before it, which must be there ({@code "C#"} stays).
     * A scan from the end, so that a line of any length costs time linear in it.
     */
    static String withoutClosingHashes(String text) {
        int end = text.length();
        while (end > 0 && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        int hashes = end;
        while (hashes > 0 && text.charAt(hashes - 1) == '#') {
            hashes--;
        }
        int start = hashes;
        while (start > 0 && isAsciiSpace(text.charAt(start - 1))) {
            start--;
        }
        return hashes < end && start < hashes ? text.substring(0, start) : text;
    }

    /** What {@code \s} matches in a Java regex: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
