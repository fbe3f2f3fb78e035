package dev.sextant.connectors.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

class TikaTextExtractorTest {

    private static final TextExtractor EXTRACTOR = TextExtractor.standard();

    @Test
    void htmlTitleComesFromTitleElementAndHeadingsBecomeMarkdown() throws Exception {
        String html = """
                <html><head><title>Team handbook</title><script>var hidden = 1;</script></head>
                <body><h1>Welcome</h1><p>Glad you are here.</p><h2>Leave</h2><p>Ask your lead.</p></body></html>
                """;

        ExtractedText text = EXTRACTOR.extract(html.getBytes(StandardCharsets.UTF_8), "handbook.html");

        assertThat(text.title()).isEqualTo("Team handbook");
        assertThat(text.body()).contains("# Welcome\n", "Glad you are here.", "## Leave\n", "Ask your lead.")
                .doesNotContain("hidden");
        assertThat(text.body().lines()).contains("# Welcome", "## Leave");
    }

    @Test
    void htmlWithoutTitleIsTitledByFileName() throws Exception {
        ExtractedText text = EXTRACTOR.extract("<p>Only a paragraph</p>".getBytes(StandardCharsets.UTF_8), "page.htm");

        assertThat(text.title()).isEqualTo("page.htm");
        assertThat(text.body()).isEqualTo("Only a paragraph");
    }

    @Test
    void pdfTextAndTitle() throws Exception {
        ExtractedText text = EXTRACTOR.extract(pdf("Quarterly report", "Revenue grew by nine percent", null), "q3.pdf");

        assertThat(text.title()).isEqualTo("Quarterly report");
        assertThat(text.body()).contains("Revenue grew by nine percent");
    }

    @Test
    void pdfWithoutTitleIsTitledByFileName() throws Exception {
        assertThat(EXTRACTOR.extract(pdf(null, "Some text", null), "scan.pdf").title()).isEqualTo("scan.pdf");
    }

    @Test
    void docxTextTitleAndHeadings() throws Exception {
        ExtractedText text = EXTRACTOR.extract(docx(), "plan.docx");

        assertThat(text.title()).isEqualTo("Project plan");
        assertThat(text.body().lines()).containsSubsequence("# Timeline", "Milestones are due in June.");
    }

    @Test
    void corruptPdfFailsWithTikasReason() {
        byte[] corrupt = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nnot really a pdf".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> EXTRACTOR.extract(corrupt, "broken.pdf"))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("cannot extract text: ");
    }

    @Test
    void passwordProtectedPdfFailsAsEncrypted() throws Exception {
        byte[] encrypted = pdf("Secret", "Launch codes", "user-password");

        assertThatThrownBy(() -> EXTRACTOR.extract(encrypted, "secret.pdf"))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("encrypted document");
    }

    @Test
    void textBeyondTheCharacterLimitRefusesTheFileRatherThanTruncatingIt() throws Exception {
        byte[] html = ("<p>" + "word ".repeat(1000) + "</p>").getBytes(StandardCharsets.UTF_8);
        TikaTextExtractor limited = new TikaTextExtractor(ExtractionLimits.defaults().withMaxChars(100));

        assertThatThrownBy(() -> limited.extract(html, "long.html"))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("too much text: more than 100 characters, the limit for one file");
        assertThat(limited.extract(("<p>" + "word ".repeat(19) + "</p>").getBytes(StandardCharsets.UTF_8), "short.html").body())
                .isEqualTo("word ".repeat(19).strip());
    }

    @Test
    void zipBombDocxIsRefusedBeforeItIsParsed() throws Exception {
        byte[] bomb = Bombs.zipBombDocx(15_000_000);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> EXTRACTOR.extract(bomb, "bomb.docx"))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("suspected zip bomb: " + bomb.length + " bytes inflate to more than 10485760"));
    }

    @Test
    void highlyCompressedDocxBelowTheFloorIsStillRead() throws Exception {
        ExtractedText text = EXTRACTOR.extract(Bombs.zipBombDocx(500_000), "repetitive.docx");

        assertThat(text.body()).hasSize(500_000).matches("a+");
    }

    static byte[] pdf(String title, String line, String userPassword) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            if (userPassword != null) {
                document.protect(new StandardProtectionPolicy("owner-password", userPassword, new AccessPermission()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.getProperties().getCoreProperties().setTitle("Project plan");
            CTStyle heading = CTStyle.Factory.newInstance();
            heading.setStyleId("Heading1");
            heading.addNewName().setVal("heading 1");
            document.createStyles().addStyle(new XWPFStyle(heading));
            XWPFParagraph title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText("Timeline");
            document.createParagraph().createRun().setText("Milestones are due in June.");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }
}
