package dev.sextant.connectors.extract;

import java.util.List;

/** Turns the bytes of a file into its title and text, choosing how by the file's name. */
public interface TextExtractor {

    /** Whether {@link #extract} knows this kind of file; decided by name alone, without reading it. */
    boolean supports(String fileName);

    /**
     * Extracts the text of a supported file.
     *
     * @throws ExtractionException with a reason a person can act on, e.g. "binary content" or the parser's
     *                             account of a corrupt or encrypted document
     */
    ExtractedText extract(byte[] content, String fileName) throws ExtractionException;

    /** Markdown and plain text read directly; HTML, PDF and DOCX through Tika, with the default limits. */
    static TextExtractor standard() {
        return standard(ExtractionLimits.defaults());
    }

    /**
     * Markdown and plain text read directly; HTML, PDF and DOCX through Tika, whose parse stops at the limits'
     * character count, compression ratio and nesting depth. The time limit is applied by wrapping the result
     * in a {@link BoundedExtractor}, as {@code FilesystemConnector} does with every extractor it is given.
     */
    static TextExtractor standard(ExtractionLimits limits) {
        return new CompositeTextExtractor(List.of(new PlainTextExtractor(), new TikaTextExtractor(limits)));
    }
}
