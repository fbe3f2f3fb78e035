package dev.sextant.connectors.mediawiki;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SourceConnector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A MediaWiki XML dump ({@code Special:Export}, {@code dumpBackup.php}; export schema 0.10 and 0.11, plain or
 * {@code .gz}) as a full-load source, read with StAX one page at a time, so that a dump of any size never sits in
 * memory: at most one page's newest revision text, itself cut at {@link WikitextText#MAX_CHARS}. Redirects,
 * uploads and log items are left out; of a page's revisions the newest (by timestamp, then id) is indexed. A dump
 * carries no permissions, so every page gets the ACL the source is configured with.
 */
public final class MediaWikiDumpImport implements SourceConnector, FullLoad {

    private final String sourceId;
    private final Path dump;
    private final Set<Integer> namespaces;
    private final Acl acl;

    public MediaWikiDumpImport(String sourceId, Path dump, List<Integer> namespaces, Acl acl) {
        this.sourceId = sourceId;
        this.dump = dump;
        this.namespaces = Set.copyOf(namespaces);
        this.acl = acl;
    }

    @Override
    public String id() {
        return sourceId;
    }

    @Override
    public String kind() {
        return "mediawiki";
    }

    private record Revision(long id, Instant timestamp, String text) {
        boolean newerThan(Revision other) {
            int c = timestamp.compareTo(other.timestamp);
            return c > 0 || c == 0 && id > other.id;
        }
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = open()) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                String articleBase = "";
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "base" -> articleBase = articleBase(text(xml, 10_000));
                        case "page" -> page(xml, articleBase, sink);
                        default -> { }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("MediaWiki dump " + dump + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private InputStream open() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(dump), 1 << 16);
        return dump.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Reads one {@code <page>} to its end tag and hands it over; only its direct children count (an upload's
     *  contributor has an {@code <id>} too). */
    private void page(XMLStreamReader xml, String articleBase, DocumentSink sink) throws XMLStreamException,
            IOException {
        String title = null;
        int ns = 0;
        long pageId = 0;
        boolean redirect = false;
        Revision newest = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (depth > 1 ? "" : xml.getLocalName()) {
                    case "title" -> title = text(xml, 1_000);
                    case "ns" -> ns = Integer.parseInt(text(xml, 20).strip());
                    case "id" -> pageId = Long.parseLong(text(xml, 20).strip());
                    case "redirect" -> {
                        redirect = true;
                        depth++;
                    }
                    case "revision" -> {
                        Revision r = revision(xml);
                        if (newest == null || r.newerThan(newest)) {
                            newest = r;
                        }
                    }
                    default -> depth++;
                }
            }
        }
        if (title == null || title.isBlank() || redirect || newest == null || !namespaces.contains(ns)) {
            return;
        }
        String id = sourceId + ":" + pageId;
        String version = Long.toString(newest.id());
        if (sink.offer(new SlimDocument(id, version, acl))) {
            sink.upsert(new SourceDocument(id, "mediawiki", title, WikitextText.toText(newest.text(), title),
                    articleBase + URLEncoder.encode(title.replace(' ', '_'), StandardCharsets.UTF_8)
                            .replace("%3A", ":").replace("%2F", "/"), newest.timestamp(), acl, version));
        }
    }

    private static Revision revision(XMLStreamReader xml) throws XMLStreamException {
        long id = 0;
        Instant timestamp = Instant.EPOCH;
        String text = "";
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (depth > 1 ? "" : xml.getLocalName()) {
                    case "id" -> id = Long.parseLong(text(xml, 20).strip());
                    case "timestamp" -> timestamp = instant(text(xml, 40).strip());
                    case "text" -> text = text(xml, WikitextText.MAX_CHARS);
                    default -> depth++;
                }
            }
        }
        return new Revision(id, timestamp, text);
    }

    /** An element's text, its end tag consumed; characters past {@code max} are read and dropped. */
    private static String text(XMLStreamReader xml, int max) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (out.length() < max) {
                        int length = Math.min(xml.getTextLength(), max - out.length());
                        out.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                }
                default -> { }
            }
        }
        return out.toString();
    }

    /** {@code <base>} is the main page's URL: the article path is everything up to its last {@code /}. */
    private static String articleBase(String mainPageUrl) {
        String url = mainPageUrl.strip();
        int slash = url.lastIndexOf('/');
        return slash < 0 ? url : url.substring(0, slash + 1);
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
