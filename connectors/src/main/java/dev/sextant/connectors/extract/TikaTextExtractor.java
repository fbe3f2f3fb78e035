package dev.sextant.connectors.extract;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;

/**
 * Extracts HTML ({@code .html}, {@code .htm}), PDF and DOCX through Tika's {@link AutoDetectParser}. Headings
 * become {@code #} lines (see {@link MarkdownHeadingsHandler}). The title is the document's {@code dc:title}
 * (an HTML {@code <title>}, a PDF's or DOCX's title property) or else the file name. Embedded documents are
 * not extracted and nothing is OCR'd.
 *
 * <p>Bounded by {@link ExtractionLimits}: a zip-based file (DOCX) that inflates past the compression ratio is
 * refused before it is parsed ({@link ZipBombCheck}); the parse stops as soon as it has written more than
 * {@link ExtractionLimits#maxChars()} characters (the file is then refused, not truncated); Tika's
 * {@code SecureContentHandler} stops a parse whose text passes the compression ratio, and nesting past
 * Tika's default depth of 100 elements. The time limit is {@link BoundedExtractor}'s business.
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final Set<String> EXTENSIONS = Set.of("html", "htm", "pdf", "docx");

    private final AutoDetectParser parser = new AutoDetectParser();
    private final int maxChars;
    private final long maxCompressionRatio;
    private final String tooMuchText;

    public TikaTextExtractor() {
        this(ExtractionLimits.defaults());
    }

    public TikaTextExtractor(ExtractionLimits limits) {
        this.maxChars = limits.maxChars();
        this.maxCompressionRatio = limits.maxCompressionRatio();
        this.tooMuchText = limits.tooMuchTextReason();
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(limits.maxCompressionRatio());
        parser.setAutoDetectParserConfig(config);
    }

    @Override
    public boolean supports(String fileName) {
        return EXTENSIONS.contains(FileNames.extension(fileName));
    }

    @Override
    public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
        ZipBombCheck.check(content, maxCompressionRatio);
        StringWriter text = new StringWriter();
        var handler = new BodyContentHandler(new WriteOutContentHandler(new MarkdownHeadingsHandler(text), maxChars));
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = TikaInputStream.get(content, metadata)) {
            parser.parse(in, handler, metadata, parseContext());
        } catch (EncryptedDocumentException e) {
            throw new ExtractionException("encrypted document: " + reason(e), e);
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ExtractionException(tooMuchText, e);
            }
            // Parsers meet arbitrary bytes here and some fail with runtime exceptions; all mean "cannot read it".
            throw new ExtractionException("cannot extract text: " + reason(e), e);
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ExtractedText(title == null || title.isBlank() ? FileNames.untitledIfBlank(fileName) : title.strip(),
                TextTidy.tidy(text.toString()));
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
}
