package dev.sextant.connectors.extract;

import java.util.Objects;

/**
 * The text of one file: a human title and the body to index. Markdown-style headings ({@code # }, {@code ## },
 * ...) stay in the body as lines of their own, because the chunker downstream splits on them.
 *
 * @param title never blank
 * @param body  may be blank when the file holds no text; callers decide what that means
 */
public record ExtractedText(String title, String body) {

    public ExtractedText {
        Objects.requireNonNull(body, "body");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("extracted text needs a title");
        }
    }
}
