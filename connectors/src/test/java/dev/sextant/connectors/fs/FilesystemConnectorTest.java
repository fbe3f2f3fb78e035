package dev.sextant.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.Bombs;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.fs.RecordingSyncSession.Skip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemConnectorTest {

    @TempDir
    Path root;

    private TestTree tree;
    private final RecordingSyncSession session = new RecordingSyncSession();

    @BeforeEach
    void setUp() {
        tree = new TestTree(root);
    }

    @Test
    void idNamesTheNormalisedRoot() {
        Path messy = root.resolve("a/../.");

        assertThat(new FilesystemConnector(FilesystemConnectorConfig.of(messy)).id()).isEqualTo("fs:" + root.toAbsolutePath());
    }

    @Test
    void indexesMarkdownTextAndHtmlWithTheirMetadata() throws Exception {
        Path md = tree.write("docs/guide.md", "# Install guide\nRun it.\n## Upgrade\nRun it again.\n");
        tree.write("notes.txt", "remember the milk");
        tree.write("docs/site/index.html", "<html><head><title>Intranet</title></head><body><h1>News</h1><p>None.</p></body></html>");

        sync(FilesystemConnectorConfig.of(root, Acl.PUBLIC));

        assertThat(session.skips()).isEmpty();
        assertThat(session.documents()).containsOnlyKeys(tree.id("docs/guide.md"), tree.id("notes.txt"), tree.id("docs/site/index.html"));
        SourceDocument guide = session.documents().get(tree.id("docs/guide.md"));
        assertThat(guide.source()).isEqualTo("filesystem");
        assertThat(guide.title()).isEqualTo("Install guide");
        assertThat(guide.body()).contains("## Upgrade");
        assertThat(guide.url()).isEqualTo(md.toUri().toString()).startsWith("file:");
        assertThat(guide.updated()).isEqualTo(TestTree.mtime(md));
        assertThat(guide.acl()).isEqualTo(Acl.PUBLIC);
        assertThat(guide.version()).matches(TestTree.mtime(md).truncatedTo(ChronoUnit.MILLIS).toEpochMilli()
                + ":" + Files.size(md) + ":[0-9a-f]{16}");
        assertThat(session.documents().get(tree.id("notes.txt")).title()).isEqualTo("notes");
        assertThat(session.documents().get(tree.id("docs/site/index.html")).body()).contains("# News", "None.");
    }

    @Test
    void skipsWhatItCannotIndexWithReasonsAndCompletesTheSync() throws Exception {
        tree.write("good.md", "# Good\nfine");
        tree.write("big.txt", "x".repeat(101));
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        noise[10] = 0;
        tree.write("noise.txt", noise);
        tree.write("setup.exe", "MZ");
        tree.write("broken.pdf", "%PDF-1.7\nthis is not a pdf body");
        tree.write("empty.md", "  \n\n");
        tree.write("locked.txt", "secret");
        FilesystemConnector connector = new FilesystemConnector(new FilesystemConnectorConfig(root, Optional.of(Acl.PUBLIC), 100),
                TextExtractor.standard(), (file, max) -> {
                    if (file.endsWith("locked.txt")) {
                        throw new AccessDeniedException(file.toString());
                    }
                    return Files.readAllBytes(file);
                });

        connector.sync(session);

        assertThat(session.documents()).containsOnlyKeys(tree.id("good.md"));
        Map<String, String> reasons = session.skips().stream()
                .collect(Collectors.toMap(skip -> root.relativize(Path.of(skip.location())).toString(), Skip::reason));
        assertThat(reasons).containsOnlyKeys("big.txt", "noise.txt", "setup.exe", "broken.pdf", "empty.md", "locked.txt")
                .containsEntry("big.txt", "too large: 101 bytes > limit 100")
                .containsEntry("noise.txt", "binary content (NUL byte at offset 10)")
                .containsEntry("setup.exe", "unsupported type .exe")
                .containsEntry("empty.md", "no text")
                .containsEntry("locked.txt", "cannot read: AccessDeniedException: " + tree.path("locked.txt"));
        assertThat(reasons.get("broken.pdf")).startsWith("cannot extract text: ");
    }

    @Test
    void noFailureOfOneDocumentStopsTheSyncAndDeletionsStillHappen() throws Exception {
        tree.write("old.md", "# Old\nto be deleted");
        tree.write("a-good.md", "# A\nfine");
        ExtractionLimits limits = ExtractionLimits.defaults().withTimeout(Duration.ofMillis(500)).withMaxChars(10_000);
        CountDownLatch never = new CountDownLatch(1);
        TextExtractor standard = TextExtractor.standard(limits);
        TextExtractor hostile = new TextExtractor() {
            @Override
            public boolean supports(String fileName) {
                return standard.supports(fileName);
            }

            @Override
            public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
                switch (fileName) {
                    case "overflow.html" -> throw new StackOverflowError();
                    case "linkage.pdf" -> throw new NoClassDefFoundError("org/apache/fontbox/ttf/TrueTypeFont");
                    case "huge-table.docx" -> throw new OutOfMemoryError("Java heap space");
                    case "assert.md" -> throw new AssertionError("parser state");
                    case "hang.html" -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    default -> {
                    }
                }
                return standard.extract(content, fileName);
            }
        };
        FilesystemConnectorConfig config = new FilesystemConnectorConfig(root, Optional.of(Acl.PUBLIC), 1_000_000, limits);
        FilesystemConnector connector = new FilesystemConnector(config, hostile, (file, max) -> {
            if (file.endsWith("unchecked.md")) {
                throw new UncheckedIOException(new IOException("device went away"));
            }
            return Files.readAllBytes(file);
        });
        connector.sync(session);
        session.startSync();

        Files.delete(tree.path("old.md"));
        tree.write(" .md", "");
        tree.write("named/ .md", "text under a blank name");
        tree.write("overflow.html", "<p>x</p>");
        tree.write("linkage.pdf", "%PDF-1.7");
        tree.write("huge-table.docx", "PK");
        tree.write("assert.md", "# Assert");
        tree.write("hang.html", "<p>x</p>");
        tree.write("bomb.docx", Bombs.zipBombDocx(15_000_000));
        tree.write("huge.txt", "word ".repeat(4_000));
        tree.write("unchecked.md", "# Unchecked");
        tree.write("z-good.md", "# Z\nfine");
        tree.write("sub/good.html", "<title>Sub</title><p>fine</p>");

        connector.sync(session);

        assertThat(session.documents()).containsOnlyKeys(tree.id("a-good.md"), tree.id("z-good.md"), tree.id("sub/good.html"),
                tree.id("named/ .md"));
        assertThat(session.documents().get(tree.id("named/ .md")).title()).isEqualTo(".md");
        assertThat(session.deletes()).containsExactly(tree.id("old.md"));
        Map<String, String> reasons = session.skips().stream()
                .collect(Collectors.toMap(skip -> root.relativize(Path.of(skip.location())).toString(), Skip::reason));
        assertThat(reasons).containsOnlyKeys(" .md", "overflow.html", "linkage.pdf", "huge-table.docx", "assert.md", "hang.html",
                        "bomb.docx", "huge.txt", "unchecked.md")
                .containsEntry(" .md", "no text")
                .containsEntry("overflow.html", "extractor failed: StackOverflowError")
                .containsEntry("linkage.pdf", "extractor failed: NoClassDefFoundError: org/apache/fontbox/ttf/TrueTypeFont")
                .containsEntry("huge-table.docx", "extractor failed: OutOfMemoryError: Java heap space")
                .containsEntry("assert.md", "extractor failed: AssertionError: parser state")
                .containsEntry("hang.html", "took longer than 500 ms to extract; stopped")
                .containsEntry("huge.txt", "too much text: more than 10000 characters, the limit for one file")
                .containsEntry("unchecked.md", "cannot index: UncheckedIOException: java.io.IOException: device went away");
        assertThat(reasons.get("bomb.docx")).startsWith("suspected zip bomb: ");
    }

    @Test
    void fileWithoutReadPermissionIsSkipped() throws Exception {
        Path locked = tree.write("locked.md", "# Locked");
        tree.write("open.md", "# Open");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(locked)).as("running as root: permissions do not stop reads; "
                + "skipsWhatItCannotIndexWithReasonsAndCompletesTheSync covers unreadable files instead").isFalse();

        sync(FilesystemConnectorConfig.of(root, Acl.PUBLIC));

        assertThat(session.documents()).containsOnlyKeys(tree.id("open.md"));
        assertThat(session.skips()).singleElement().extracting(Skip::reason).asString().startsWith("cannot read: AccessDeniedException");
    }

    @Test
    void ignoresHiddenFilesAndFoldersSilently() throws Exception {
        tree.write("visible.md", "# Visible");
        tree.write(".draft.md", "# Draft");
        tree.write(".git/HEAD.txt", "ref");
        tree.write(".cache/deep/page.md", "# Cached");

        sync(FilesystemConnectorConfig.of(root, Acl.PUBLIC));

        assertThat(session.documents()).containsOnlyKeys(tree.id("visible.md"));
        assertThat(session.skips()).isEmpty();
    }

    @Test
    void doesNotFollowSymbolicLinks(@TempDir Path outside) throws Exception {
        tree.write("real.md", "# Real");
        Files.writeString(outside.resolve("elsewhere.md"), "# Elsewhere");
        Files.createSymbolicLink(root.resolve("linked-dir"), outside);
        Files.createSymbolicLink(root.resolve("linked.md"), outside.resolve("elsewhere.md"));
        Files.createSymbolicLink(root.resolve("dangling.md"), outside.resolve("missing.md"));

        sync(FilesystemConnectorConfig.of(root, Acl.PUBLIC));

        assertThat(session.documents()).containsOnlyKeys(tree.id("real.md"));
        assertThat(session.skips()).extracting(Skip::reason).containsOnly("symbolic link, not followed").hasSize(3);
    }

    @Test
    void missingRootFailsTheSyncNamingIt() {
        Path missing = root.resolve("nowhere");

        assertThatThrownBy(() -> sync(FilesystemConnectorConfig.of(missing)))
                .isInstanceOf(IOException.class)
                .hasMessage("filesystem root " + missing + " does not exist");
    }

    @Test
    void rootThatIsAFileFailsTheSyncNamingIt() throws Exception {
        Path file = tree.write("file.md", "# File");

        assertThatThrownBy(() -> sync(FilesystemConnectorConfig.of(file)))
                .isInstanceOf(IOException.class)
                .hasMessage("filesystem root " + file + " is not a directory");
    }

    private void sync(FilesystemConnectorConfig config) throws IOException, InterruptedException {
        new FilesystemConnector(config).sync(session);
    }
}
