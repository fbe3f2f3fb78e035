package dev.sextant.connectors.gdrive;

import dev.sextant.connectors.StrictUtf8;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.FileNames;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Map;

/**
 * The text of a Drive file: Google Docs and Slides exported as {@code text/plain}, Sheets as {@code text/csv}
 * ({@code files.export}, which refuses files over 10 MB); other files downloaded ({@code alt=media}) and parsed by
 * the bounded extractor, after checking their {@code size} against the limit, so an oversized file is never
 * downloaded. Anything else is a skip with its reason.
 */
final class DriveContent {

    /** What reading a file gave: its text, or why it has none. */
    sealed interface Result permits Text, Skip, Gone {
    }

    record Text(String body) implements Result {
    }

    record Skip(String reason) implements Result {
    }

    /** The file went away between listing and reading. */
    record Gone() implements Result {
    }

    private static final String APPS = "application/vnd.google-apps.";
    private static final Map<String, String> EXPORTS = Map.of(
            APPS + "document", "text/plain",
            APPS + "presentation", "text/plain",
            APPS + "spreadsheet", "text/csv");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"),
            Map.entry("text/plain", "txt"),
            Map.entry("text/markdown", "md"),
            Map.entry("text/html", "html"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"));

    private final GoogleApi api;
    private final String driveBase;
    private final TextExtractor extractor;
    private final ExtractionLimits limits;
    private final long maxFileBytes;

    DriveContent(GoogleApi api, String driveBase, TextExtractor extractor, ExtractionLimits limits, long maxFileBytes) {
        this.api = api;
        this.driveBase = driveBase;
        this.extractor = extractor;
        this.limits = limits;
        this.maxFileBytes = maxFileBytes;
    }

    Result read(DriveFile file) throws IOException, InterruptedException {
        String export = EXPORTS.get(file.mimeType());
        if (export != null) {
            return exported(file, export);
        }
        if (file.mimeType().startsWith(APPS)) {
            return new Skip("Google " + file.mimeType().substring(APPS.length()) + " files have no text export");
        }
        return downloaded(file);
    }

    private Result exported(DriveFile file, String mimeType) throws IOException, InterruptedException {
        SourceResponse response = api.get(GoogleApi.uri(driveBase, "/files/" + GoogleApi.segment(file.id())
                + "/export", "mimeType", mimeType));
        if (response.status() == 404) {
            return new Gone();
        }
        if (!response.ok()) {
            GoogleError error = GoogleError.of(response);
            if (error.is("exportSizeLimitExceeded")) {
                return new Skip("too large to export: Google exports at most 10 MB of a Docs, Sheets or Slides file");
            }
            throw new GoogleApiException("files.export of " + file.id(), error);
        }
        return text(response.body());
    }

    private Result downloaded(DriveFile file) throws IOException, InterruptedException {
        if (file.size().isPresent() && file.size().getAsLong() > maxFileBytes) {
            return tooLarge(file.size().getAsLong());
        }
        String name = extractableName(file);
        if (!extractor.supports(name)) {
            return new Skip(FileNames.unsupportedReason(name) + " (" + file.mimeType() + ")");
        }
        SourceResponse response = api.get(GoogleApi.uri(driveBase, "/files/" + GoogleApi.segment(file.id()),
                "alt", "media", "supportsAllDrives", "true"));
        if (response.status() == 404) {
            return new Gone();
        }
        if (!response.ok()) {
            GoogleError error = GoogleError.of(response);
            if (response.status() == 403) {
                return new Skip("Drive refused the download: " + error);
            }
            throw new GoogleApiException("download of " + file.id(), error);
        }
        if (response.body().length > maxFileBytes) {
            return tooLarge(response.body().length);
        }
        try {
            return new Text(extractor.extract(response.body(), name).body());
        } catch (ExtractionException e) {
            return new Skip(e.getMessage());
        }
    }

    private Result text(byte[] body) {
        String text;
        try {
            text = StrictUtf8.decode(body);
        } catch (CharacterCodingException e) {
            return new Skip("the export is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.length() > limits.maxChars()) {
            return new Skip("too much text: more than " + limits.maxChars() + " characters, the limit for one file");
        }
        return new Text(text);
    }

    /** The name the extractor is asked about: the file's own when it has a known extension, else one from its type. */
    private String extractableName(DriveFile file) {
        if (extractor.supports(file.name())) {
            return file.name();
        }
        String extension = EXTENSIONS.get(file.mimeType());
        return extension == null ? file.name() : file.name() + "." + extension;
    }

    private Skip tooLarge(long bytes) {
        return new Skip("too large: " + bytes + " bytes, more than the " + maxFileBytes + " bytes one file may have");
    }
}
