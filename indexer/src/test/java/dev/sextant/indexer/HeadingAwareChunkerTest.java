package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** A document with every kind of heading line, chunked as before the heading pattern became a scan. */
    private static final String HANDBOOK = """
            Read this first. The service indexes folders and answers questions about them.
            # Operations guide #
            This guide covers running the service in production. It assumes a Linux host with two cores, \
            eight gigabytes of memory and a local disk. Every command below runs as the service user. Keep \
            the data folder on a disk that is backed up nightly, because the index and the database live there \
            together and must be restored as a pair after a failure.
            ## Install
            Unpack the archive.
            ### From source ###
            Clone the repository, build it with the wrapper, and copy the launcher and the jars into place. \
            The build needs a JDK of version twenty-one or later; the launcher finds one itself and says so \
            when there is none.
              ## Upgrade ##
            Stop the service: it finishes the running sync first. Replace the jars, start it again, and watch \
            the log until the first sync reports its counts. An index written by an older version is read as it \
            is; a layout change rebuilds it from the sources, which takes about as long as the first sync did. \
            Vectors are kept where the model and the text are unchanged, so most upgrades embed nothing.
                # indented by four, so not a heading
            ####### seven hashes, so not a heading either
            #no space, no heading
            # Appendix
            Ports: 8080 for the web page and the API.
            ##\tTabs\t##\t
            Tabs count as spaces around heading text, and trailing hashes go.
            """;

    @Test
    void chunkBoundariesOfARepresentativeDocumentArePinned() {
        assertThat(chunker.chunk("T", HANDBOOK)).containsExactly(
                new ChunkText("", "Read this first. The service indexes folders and answers questions about them."),
                new ChunkText("Operations guide", "This guide covers running the service in production. It assumes a Linux host with two cores, eight gigabytes of memory and a local disk. Every command below runs as the service user."),
                new ChunkText("Operations guide", "Every command below runs as the service user. Keep the data folder on a disk that is backed up nightly, because the index and the database live there together and must be restored as a pair after a failure."),
                new ChunkText("Operations guide > Install", "Unpack the archive. Clone the repository, build it with the wrapper, and copy the launcher and the jars into place. The build needs a JDK of version twenty-one or later; the launcher finds one itself and says so when there"),
                new ChunkText("Operations guide > Install", "finds one itself and says so when there is none."),
                new ChunkText("Operations guide > Upgrade", "Stop the service: it finishes the running sync first. Replace the jars, start it again, and watch the log until the first sync reports its counts."),
                new ChunkText("Operations guide > Upgrade", "log until the first sync reports its counts. An index written by an older version is read as it is; a layout change rebuilds it from the sources, which takes about as long as the first sync did."),
                new ChunkText("Operations guide > Upgrade", "about as long as the first sync did. Vectors are kept where the model and the text are unchanged, so most upgrades embed nothing."),
                new ChunkText("Operations guide > Upgrade", "text are unchanged, so most upgrades embed nothing. # indented by four, so not a heading ####### seven hashes, so not a heading either #no space, no heading"),
                new ChunkText("Appendix", "Ports: 8080 for the web page and the API."),
                new ChunkText("Appendix > Tabs", "Tabs count as spaces around heading text, and trailing hashes go."));
    }

    /** The pattern the chunker used to find headings, whose output the scan must keep; fine on short lines. */
    private static final Pattern OLD_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    @Test
    void headingScanAgreesWithThePatternItReplacesOnEveryShortLine() {
        SplittableRandom random = new SplittableRandom(11);
        char[] alphabet = {' ', '\t', '#', '#', 'a', 'b'};
        for (int sample = 0; sample < 200_000; sample++) {
            char[] line = new char[random.nextInt(13)];
            for (int i = 0; i < line.length; i++) {
                line[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(line);
            Matcher old = OLD_HEADING.matcher(text);
            HeadingAwareChunker.Heading scanned = HeadingAwareChunker.Heading.parse(text);
            if (old.matches()) {
                assertThat(scanned).as("'%s'", text)
                        .isEqualTo(new HeadingAwareChunker.Heading(old.group(1).length(), old.group(2)));
            } else {
                assertThat(scanned).as("'%s'", text).isNull();
            }
        }
    }

    @Test
    void hundredThousandCharacterLinesChunkInLinearTime() {
        String spaces = " ".repeat(100_000);
        String word = "a".repeat(100_000);
        String body = "\nbody words here and more";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertOnlyChunk("#" + spaces + body, " ", "body words here and more");
            assertOnlyChunk("# a" + spaces + "b" + body, "a" + spaces + "b", "body words here and more");
            assertOnlyChunk("# Title" + spaces + "#" + spaces + body, "Title", "body words here and more");
            assertOnlyChunk("# " + "#".repeat(100_000) + body, "#", "body words here and more");
            assertOnlyChunk("#".repeat(100_000) + "\none two three four five", "", "#".repeat(100_000) + " one two three four five");
            assertOnlyChunk("## " + word + body, word, "body words here and more");
            assertOnlyChunk(spaces + "\n" + word + spaces + word, "", word + " " + word);
            String mixed = "# x " + "# a\t".repeat(25_000);
            assertOnlyChunk(mixed + body, mixed.substring(2, mixed.length() - 1), "body words here and more");
        });
    }

    /** Compares without printing 100,000 characters on failure. */
    private void assertOnlyChunk(String body, String heading, String text) {
        List<ChunkText> chunks = chunker.chunk("T", body);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).heading().equals(heading))
                .as("heading of %d chars starting '%.30s', expected %d chars starting '%.30s'", chunks.get(0).heading().length(),
                        chunks.get(0).heading(), heading.length(), heading).isTrue();
        assertThat(chunks.get(0).text().equals(text))
                .as("text of %d chars starting '%.30s', expected %d chars", chunks.get(0).text().length(), chunks.get(0).text(),
                        text.length()).isTrue();
    }
}
