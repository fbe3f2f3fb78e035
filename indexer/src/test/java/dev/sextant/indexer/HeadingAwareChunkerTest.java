package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeadingAwareChunkerTest {

    private final HeadingAwareChunker chunker = new HeadingAwareChunker(40, 8);

    private static String words(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(" "));
    }

    @Test
    void emptyBodyYieldsTheTitle() {
        assertThat(chunker.chunk("Title", "")).containsExactly(new ChunkText("", "Title"));
    }

    @Test
    void chunksCarryTheirHeadingPathAndNeverSpanSections() {
        String body = "# Guide\n" + words("a", 20) + "\n## Setup\n" + words("b", 20) + "\n# Other\n" + words("c", 20);
        List<ChunkText> chunks = chunker.chunk("T", body);
        assertThat(chunks).extracting(ChunkText::heading).containsExactly("Guide", "Guide > Setup", "Other");
        assertThat(chunks.get(1).text()).startsWith("b0").doesNotContain("a1").doesNotContain("c1");
    }

    @Test
    void longSectionsAreWindowedWithOverlap() {
        List<ChunkText> chunks = chunker.chunk("T", words("w", 100));
        assertThat(chunks).hasSizeGreaterThan(2);
        for (ChunkText c : chunks) {
            assertThat(c.text().split(" ")).hasSizeLessThanOrEqualTo(40);
        }
        String[] first = chunks.get(0).text().split(" ");
        assertThat(chunks.get(1).text()).startsWith(first[first.length - 8] + " ");
    }

    @Test
    void smallSectionsMergeIntoTheNext() {
        List<ChunkText> chunks = chunker.chunk("T", "# Tiny\none two\n# Big\n" + words("x", 30));
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).text()).startsWith("one two x0");
    }

    @Test
    void prefersToBreakAtASentenceEnd() {
        String body = words("a", 30) + ". " + words("b", 30);
        assertThat(chunker.chunk("T", body).get(0).text()).endsWith("a29.");
    }
}
