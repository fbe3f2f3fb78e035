package dev.sextant.connectors.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Extracts HTML ({@code .html}, {@code .htm}), PDF and DOCX through Tika's {@link AutoDetectParser}. Headings
 * become {@code #} lines (see {@link MarkdownHeadingsHandler}); text beyond the write limit is dropped. The
 * title is the document's {@code dc:title} (an HTML {@code <title>}, a PDF's or DOCX's title property) or
 * else the file name. Embedded documents are not extracted and nothing is OCR'd.
 */
public final class TikaTextExtractor implements TextExtractor {

    /** Characters of text kept per document, about a thousand pages. */
    public static final int DEFAULT_WRITE_LIMIT = 5_000_000;

    private static final Set<String> EXTENSIONS = Set.of("html", "htm", "pdf", "docx");

    private final Parser parser = new AutoDetectParser();
    private final int writeLimit;

    public TikaTextExtractor() {
        this(DEFAULT_WRITE_LIMIT);
    }

    public TikaTextExtractor(int writeLimit) {
        if (writeLimit <= 0) {
            throw new IllegalArgumentException("write limit must be positive, was " + writeLimit);
        }
        this.writeLimit = writeLimit;
    }

    @Override
    public boolean supports(String fileName) {
        return EXTENSIONS.contains(FileNames.extension(fileName));
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
        StringWriter text = new StringWriter();
        var handler = new BodyContentHandler(new WriteOutContentHandler(new MarkdownHeadingsHandler(text), writeLimit));
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = new ByteArrayInputStream(content)) {
            parser.parse(in, handler, metadata, parseContext());
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("encrypted document: " + reason(e), e);
        } catch (Exception e) {
            // Parsers meet arbitrary bytes here and some fail with runtime exceptions; all mean "cannot read it".
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ExtractionException("cannot extract text: " + reason(e), e);
            }
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ExtractedText(title == null || title.isBlank() ? fileName : title.strip(), tidy(text.toString()));
    }

    private static ParseContext parseContext() {
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        ParseContext context = new ParseContext();
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** The exception's message followed by its causes', e.g. "Unable to extract PDF content: Missing root object". */
    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (!reason.toString().contains(message)) {
                reason.append(reason.isEmpty() ? "" : ": ").append(message);
            }
        }
        return reason.toString();
    }

    /** Drops trailing spaces on each line and keeps at most one blank line between paragraphs. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
