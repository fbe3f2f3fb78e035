package dev.sextant.connectors.extract;

import java.io.Writer;
import org.apache.tika.sax.ToTextContentHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Writes Tika's XHTML as plain text, except that {@code <h1>}..{@code <h6>} start a line with one to six
 * {@code #}, so that headings from HTML and DOCX reach the chunker in the same form as Markdown's.
 */
final class MarkdownHeadingsHandler extends ToTextContentHandler {

    private final Writer writer;

    MarkdownHeadingsHandler(Writer writer) {
        super(writer);
        this.writer = writer;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        super.startElement(uri, localName, qName, atts);
        int level = headingLevel(localName);
        if (level > 0) {
            write("\n" + "#".repeat(level) + " ");
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (headingLevel(localName) > 0) {
            write("\n");
        }
        super.endElement(uri, localName, qName);
    }

    private void write(String text) throws SAXException {
        try {
            writer.write(text);
        } catch (java.io.IOException e) {
            throw new SAXException("cannot write extracted text", e);
        }
    }

    private static int headingLevel(String localName) {
        if (localName.length() == 2 && (localName.charAt(0) == 'h' || localName.charAt(0) == 'H')) {
            char digit = localName.charAt(1);
            if (digit >= '1' && digit <= '6') {
                return digit - '0';
            }
        }
        return 0;
    }
}
