package dev.sextant.bench.jmh;

import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.extract.TikaTextExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xml.sax.SAXException;

/**
 * What bounding Tika costs per file, on a generated document of about {@code words} words (HTML with an
 * {@code <h2>} every 300 words, or DOCX of the same paragraphs): Tika's parser alone with no limit at all; {@link TikaTextExtractor}
 * (zip-bomb pre-check, character limit, headings as {@code #} lines, whitespace tidying); and that inside
 * {@link BoundedExtractor} (a fresh worker thread per file, with the time limit), as the connector runs it.
 *
 * <p>On a machine that other work shares, {@link #main} gives steadier ratios than JMH's iterations: it
 * interleaves the three, one call each per round in a shuffled order, and prints each one's median and
 * quartiles.
 */
public class TikaExtractionBenchmark extends HotPathBenchmark {

    @Param({"html", "docx"})
    public String format;

    @Param({"2000"})
    public int words;

    private final AutoDetectParser tika = new AutoDetectParser();
    private final TextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());
    private final TextExtractor bounded = new BoundedExtractor(new TikaTextExtractor(ExtractionLimits.defaults()),
            ExtractionLimits.defaults());
    private byte[] content;
    private String fileName;

    @Setup
    public void setUp() throws IOException {
        String[] paragraphs = paragraphs(words);
        fileName = "generated." + format;
        content = format.equals("docx") ? docx(paragraphs) : html(paragraphs);
    }

    @Benchmark
    public String tikaAlone() throws IOException, SAXException, TikaException {
        BodyContentHandler handler = new BodyContentHandler(-1);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try (InputStream in = TikaInputStream.get(content, metadata)) {
            tika.parse(in, handler, metadata, new ParseContext());
        }
        return handler.toString();
    }

    @Benchmark
    public ExtractedText extractor() throws ExtractionException {
        return extractor.extract(content, fileName);
    }

    @Benchmark
    public ExtractedText bounded() throws ExtractionException {
        return bounded.extract(content, fileName);
    }

    /** {@code [rounds]}: interleaved timing of the three ways, for each format; medians in microseconds. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        for (String f : new String[] {"html", "docx"}) {
            TikaExtractionBenchmark b = new TikaExtractionBenchmark();
            b.format = f;
            b.words = 2000;
            b.setUp();
            String[] names = {"tikaAlone", "extractor", "bounded"};
            long[][] nanos = new long[names.length][rounds];
            SplittableRandom order = new SplittableRandom(1);
            for (int r = -rounds / 4; r < rounds; r++) { // the first quarter warms up and is not kept
                for (int v : shuffled(names.length, order)) {
                    long start = System.nanoTime();
                    Object result = switch (v) {
                        case 0 -> b.tikaAlone();
                        case 1 -> b.extractor();
                        default -> b.bounded();
                    };
                    long took = System.nanoTime() - start;
                    if (r >= 0) {
                        nanos[v][r] = took + (result == null ? 1 : 0);
                    }
                }
            }
            System.out.printf("%s, %d bytes, %d rounds%n", f, b.content.length, rounds);
            for (int v = 0; v < names.length; v++) {
                long[] sorted = nanos[v].clone();
                Arrays.sort(sorted);
                System.out.printf("  %-10s median %8.0f us   p25 %8.0f   p75 %8.0f%n", names[v], sorted[rounds / 2] / 1e3,
                        sorted[rounds / 4] / 1e3, sorted[rounds * 3 / 4] / 1e3);
            }
        }
        markdown(rounds);
    }

    /** The same interleaving for a 2,000-word Markdown file: read directly, and inside {@link BoundedExtractor}. */
    private static void markdown(int rounds) throws ExtractionException {
        byte[] md = ("# Operations guide\n" + String.join("\n\n", paragraphs(2000))).getBytes(StandardCharsets.UTF_8);
        TextExtractor direct = TextExtractor.standard();
        TextExtractor bounded = new BoundedExtractor(direct, ExtractionLimits.defaults());
        long[][] nanos = new long[2][rounds];
        SplittableRandom order = new SplittableRandom(1);
        for (int r = -rounds / 4; r < rounds; r++) {
            for (int v : shuffled(2, order)) {
                long start = System.nanoTime();
                (v == 0 ? direct : bounded).extract(md, "guide.md");
                if (r >= 0) {
                    nanos[v][r] = System.nanoTime() - start;
                }
            }
        }
        System.out.printf("md, %d bytes, %d rounds%n", md.length, rounds);
        String[] names = {"direct", "bounded"};
        for (int v = 0; v < 2; v++) {
            long[] sorted = nanos[v].clone();
            Arrays.sort(sorted);
            System.out.printf("  %-10s median %8.0f us   p25 %8.0f   p75 %8.0f%n", names[v], sorted[rounds / 2] / 1e3,
                    sorted[rounds / 4] / 1e3, sorted[rounds * 3 / 4] / 1e3);
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        return order;
    }

    /** Paragraphs of about 100 words from a small vocabulary; every third one starts a section (a heading). */
    private static String[] paragraphs(int words) {
        SplittableRandom random = new SplittableRandom(7);
        String[] vocabulary = ("replica failover latency budget deploy rollback queue consumer lag partition "
                + "certificate rotation quota tenant region index shard snapshot alert pager runbook").split(" ");
        String[] paragraphs = new String[Math.max(1, words / 100)];
        for (int p = 0; p < paragraphs.length; p++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 1; w <= 100; w++) {
                sb.append(vocabulary[random.nextInt(vocabulary.length)]).append(w % 15 == 0 ? ". " : " ");
            }
            paragraphs[p] = sb.toString().strip();
        }
        return paragraphs;
    }

    private static byte[] html(String[] paragraphs) {
        StringBuilder sb = new StringBuilder("<html><head><title>Operations guide</title></head><body>");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p % 3 == 0) {
                sb.append("<h2>Section ").append(p / 3).append("</h2>");
            }
            sb.append("<p>").append(paragraphs[p]).append("</p>\n");
        }
        return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] docx(String[] paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.getProperties().getCoreProperties().setTitle("Operations guide");
            for (int p = 0; p < paragraphs.length; p++) {
                if (p % 3 == 0) {
                    document.createParagraph().createRun().setText("Section " + p / 3);
                }
                document.createParagraph().createRun().setText(paragraphs[p]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }
}
