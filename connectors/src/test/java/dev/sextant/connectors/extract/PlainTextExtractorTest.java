package dev.sextant.connectors.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
