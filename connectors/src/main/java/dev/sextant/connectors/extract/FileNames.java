package dev.sextant.connectors.extract;

import java.util.Locale;

/** What extractors need to know about a file name: its extension and the name without it. */
public final class FileNames {

    /** The title of a document that has no usable one and whose file name is blank too. */
    public static final String UNTITLED = "(untitled)";

    private FileNames() {
    }

    /** The extension in lower case without the dot ({@code "pdf"}), or {@code ""} when there is none. */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name without its extension ({@code "notes"} for {@code "notes.md"}). */
    public static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    /** The title of a file that names none itself: its base name, else its whole name ({@code " .md"}), else {@value #UNTITLED}. */
    public static String title(String fileName) {
        String base = baseName(fileName).strip();
        return !base.isEmpty() ? base : untitledIfBlank(fileName);
    }

    /** The text stripped, or {@value #UNTITLED} where nothing is left. */
    public static String untitledIfBlank(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? UNTITLED : stripped;
    }

    /** The reason given for a file no extractor supports: {@code "unsupported type .exe"}. */
    public static String unsupportedReason(String fileName) {
        String extension = extension(fileName);
        return extension.isEmpty() ? "unsupported type (no extension)" : "unsupported type ." + extension;
    }
}
