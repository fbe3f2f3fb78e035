package dev.sextant.connectors.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Hostile documents, built in memory for tests. */
public final class Bombs {

    private static final String PLACEHOLDER = "PLACEHOLDER";

    private Bombs() {
    }

    /**
     * A valid DOCX whose one paragraph holds {@code chars} letters; its {@code word/document.xml} compresses
     * about a thousand to one, so the file stays a few tens of kilobytes.
     */
    public static byte[] zipBombDocx(long chars) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(PLACEHOLDER);
            document.write(plain);
        }
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("word/document.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf(PLACEHOLDER);
                    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    writeLetters(out, chars);
                    out.write(xml.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bomb.toByteArray();
    }

    /** HTML with {@code depth} nested {@code <div>}s around one word. */
    public static byte[] nestedHtml(int depth) {
        return ("<html><body>" + "<div>".repeat(depth) + "deep" + "</div>".repeat(depth) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void writeLetters(OutputStream out, long count) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}
