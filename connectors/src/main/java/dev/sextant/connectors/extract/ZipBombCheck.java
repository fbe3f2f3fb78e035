package dev.sextant.connectors.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/**
 * Refuses a zip-based document (DOCX and the other OOXML formats) that inflates to far more than its size,
 * before a parser builds it in memory: it inflates every entry into nothing, counting, and stops at the
 * first byte past the limit, so a bomb costs milliseconds. Tika's {@code SecureContentHandler} only sees
 * text once the parser has produced it, and POI's own check lets the first 100 KB of compressed data
 * through at any ratio (a hundred megabytes of XML for one text node).
 */
final class ZipBombCheck {

    /** Inflated bytes any document may have whatever its compression ratio; real documents stay far below. */
    static final long FLOOR_BYTES = 10L * 1024 * 1024;
    /** Inflated bytes no document may pass, however large: about what a parser can hold as a DOM. */
    static final long CEILING_BYTES = 256L * 1024 * 1024;

    private static final byte[] LOCAL_FILE_HEADER = {'P', 'K', 3, 4};

    private ZipBombCheck() {
    }

    /**
     * @throws ExtractionException when the zip inflates to more than {@code maxRatio} times its size (at least
     *                             {@value #FLOOR_BYTES} bytes, at most {@value #CEILING_BYTES})
     */
    static void check(byte[] content, long maxRatio) throws ExtractionException {
        if (!isZip(content)) {
            return;
        }
        long limit = Math.min(CEILING_BYTES, Math.max(FLOOR_BYTES, multiplySaturated(content.length, maxRatio)));
        long inflated = 0;
        byte[] sink = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                for (int n = zip.read(sink); n > 0; n = zip.read(sink)) {
                    inflated += n;
                    if (inflated > limit) {
                        throw new ExtractionException("suspected zip bomb: " + content.length
                                + " bytes inflate to more than " + limit + " (the limit: " + maxRatio
                                + " times the file's size, at least " + FLOOR_BYTES + ", at most " + CEILING_BYTES + ")");
                    }
                }
            }
        } catch (IOException e) {
            // Not a zip this reader understands (a stored entry with a data descriptor, say): the parser decides.
        }
    }

    private static boolean isZip(byte[] content) {
        if (content.length < LOCAL_FILE_HEADER.length) {
            return false;
        }
        for (int i = 0; i < LOCAL_FILE_HEADER.length; i++) {
            if (content[i] != LOCAL_FILE_HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    private static long multiplySaturated(long a, long b) {
        long product = a * b;
        return a != 0 && (product / a != b || product < 0) ? Long.MAX_VALUE : product;
    }
}
