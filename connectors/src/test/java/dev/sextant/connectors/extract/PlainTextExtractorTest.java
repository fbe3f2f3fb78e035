package dev.sextant.connectors.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {

    private final TextExtractor extractor = TextExtractor.standard();

    @Test
    void markdownTitleIsFirstTopLevelHeadingAndHeadingsStayInBody() throws Exception {
        String markdown = """
                Intro line.
                ```sh
                # not a title, a shell comment
                ```
                # Release process #
                ## Tagging
                Tag it.
                """;

        ExtractedText text = extractor.extract(utf8(markdown), "release.md");

        assertThat(text.title()).isEqualTo("Release process");
        assertThat(text.body()).isEqualTo(markdown).contains("\n## Tagging\n");
    }

    @Test
    void markdownWithoutHeadingIsTitledByFileName() throws Exception {
        assertThat(extractor.extract(utf8("just text"), "meeting-notes.markdown").title()).isEqualTo("meeting-notes");
    }

    @Test
    void plainTextIsTitledByFileNameEvenWithHashLines() throws Exception {
        ExtractedText text = extractor.extract(utf8("\uFEFF# heading-like\nCafé"), "todo.txt");

        assertThat(text.title()).isEqualTo("todo");
        assertThat(text.body()).isEqualTo("# heading-like\nCafé");
    }

    @Test
    void rejectsNulBytesAndInvalidUtf8AsBinary() {
        assertThatThrownBy(() -> extractor.extract(new byte[] {'a', 0, 'b'}, "a.txt"))
                .isInstanceOf(ExtractionException.class).hasMessageStartingWith("binary content");
        assertThatThrownBy(() -> extractor.extract(new byte[] {'a', (byte) 0xC3, (byte) 0x28}, "a.md"))
                .isInstanceOf(ExtractionException.class).hasMessageStartingWith("binary content");
    }

    @Test
    void supportsOnlyKnownExtensionsCaseInsensitively() {
        assertThat(extractor.supports("README.MD")).isTrue();
        assertThat(extractor.supports("a.HTM")).isTrue();
        assertThat(extractor.supports("setup.exe")).isFalse();
        assertThat(extractor.supports("Makefile")).isFalse();
        assertThat(FileNames.unsupportedReason("setup.EXE")).isEqualTo("unsupported type .exe");
    }

    @Test
    void fileWithABlankBaseNameIsTitledByItsWholeName() throws Exception {
        assertThat(extractor.extract(utf8("some text"), " .md").title()).isEqualTo(".md");
        assertThat(extractor.extract(utf8(""), " .md").title()).isEqualTo(".md");
        assertThat(extractor.extract(utf8("# \nsome text"), "  .txt").title()).isEqualTo(".txt");
        assertThat(FileNames.title("   ")).isEqualTo("(untitled)");
    }

    /** How a heading's closing sequence was removed before it became a scan; fine on short lines. */
    private static String oldWithoutClosingHashes(String text) {
        return text.replaceFirst("\\s+#+\\s*$", "");
    }

    @Test
    void closingHashScanAgreesWithTheRegexItReplacesOnEveryShortLine() {
        SplittableRandom random = new SplittableRandom(3);
        char[] alphabet = {' ', '\t', '#', '#', 'a', 'b'};
        for (int sample = 0; sample < 200_000; sample++) {
            char[] line = new char[random.nextInt(12)];
            for (int i = 0; i < line.length; i++) {
                line[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(line);
            assertThat(PlainTextExtractor.withoutClosingHashes(text)).as("'%s'", text).isEqualTo(oldWithoutClosingHashes(text));
        }
    }

    @Test
    void hundredThousandCharacterHeadingLinesAreTitledInLinearTime() {
        String spaces = " ".repeat(100_000);
        String word = "w".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(title("# " + spaces + "x")).isEqualTo("x");
            assertThat(title("# Title" + spaces + "#" + spaces + "\ntext")).isEqualTo("Title");
            assertThat(title("#" + spaces + "\ntext")).isEqualTo("notes");
            assertThat(title("# " + spaces + "\ntext")).isEqualTo("notes");
            assertThat(title(spaces + "\ntext")).isEqualTo("notes");
            assertThat(title("# " + "#".repeat(100_000))).hasSize(100_000);
            assertThat(title("# " + word)).isEqualTo(word);
            assertThat(title("# a" + " #".repeat(50_000))).isEqualTo("a" + " #".repeat(49_999));
        });
    }

    private String title(String markdown) throws ExtractionException {
        return extractor.extract(utf8(markdown), "notes.md").title();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
