package dev.sextant.gateway.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sources a configuration makes, and the folders it refuses. */
class SyncConfiguredConnectorsTest {

    private static final long MAX = 1024;

    @TempDir
    Path dir;

    @Test
    void theDemoCorpusComesFirstThenEachFolderWithAStableUrlSafeId() throws IOException {
        Path demo = Files.createDirectory(dir.resolve("corpus"));
        Path share = Files.createDirectory(dir.resolve("Team Share"));
        Path docs = Files.createDirectory(dir.resolve("docs"));

        List<ConfiguredSource> sources = ConfiguredConnectors.of(Optional.of(demo), List.of(share, docs),
                Optional.empty(), MAX);

        assertThat(sources).extracting(ConfiguredSource::kind).containsExactly("demo", "filesystem", "filesystem");
        assertThat(sources.get(0).id()).isEqualTo("demo");
        assertThat(sources.get(1).id()).matches("fs-team-share-[0-9a-f]{6}");
        assertThat(sources.get(2).id()).matches("fs-docs-[0-9a-f]{6}");
        assertThat(sources.get(1).root()).isEqualTo(share);
        assertThat(sources.get(1).connector().id()).isEqualTo("fs:" + share);
        assertThat(ConfiguredConnectors.of(Optional.empty(), List.of(share), Optional.empty(), MAX).get(0).id())
                .as("same root, same id").isEqualTo(sources.get(1).id());
    }

    @Test
    void foldersWithTheSameNameGetDifferentIds() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/docs"));
        Path b = Files.createDirectories(dir.resolve("b/docs"));
        List<ConfiguredSource> sources = ConfiguredConnectors.of(Optional.empty(), List.of(a, b), Optional.empty(), MAX);
        assertThat(sources.get(0).id()).startsWith("fs-docs-").isNotEqualTo(sources.get(1).id());
        assertThat(ConfiguredConnectors.folderId(Path.of("/"))).matches("fs-[0-9a-f]{6}");
    }

    @Test
    void aFolderInsideAnotherIsRefusedNamingBoth() throws IOException {
        Path outer = Files.createDirectory(dir.resolve("share"));
        Path inner = Files.createDirectories(outer.resolve("finance/2026"));
        assertThatThrownBy(() -> ConfiguredConnectors.of(Optional.empty(), List.of(inner, outer), Optional.empty(), MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(inner + " ").hasMessageContaining(" lies inside ").hasMessageContaining(outer.toString());
    }

    @Test
    void theSameFolderTwiceIsRefusedAlsoThroughALinkOrADotDotPath() throws IOException {
        Path share = Files.createDirectory(dir.resolve("share"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), share);
        assertThatThrownBy(() -> ConfiguredConnectors.requireDisjoint(List.of(share, link)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(share + " ").hasMessageContaining(link.toString()).hasMessageContaining("are the same folder");
        Path dotted = dir.resolve("share/../share");
        assertThatThrownBy(() -> ConfiguredConnectors.requireDisjoint(List.of(share, dotted)))
                .hasMessageContaining("are the same folder");
        Path inside = Files.createDirectory(share.resolve("hr"));
        assertThatThrownBy(() -> ConfiguredConnectors.requireDisjoint(List.of(link, inside)))
                .as("a link to a folder containing another").hasMessageContaining(inside + " ").hasMessageContaining(" lies inside ").hasMessageContaining(link.toString());
    }

    @Test
    void aFolderOverlappingTheDemoCorpusIsRefused() throws IOException {
        Path demo = Files.createDirectory(dir.resolve("corpus"));
        Path wiki = Files.createDirectory(demo.resolve("wiki"));
        assertThatThrownBy(() -> ConfiguredConnectors.of(Optional.of(demo), List.of(wiki), Optional.empty(), MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(wiki + " ").hasMessageContaining(" lies inside ").hasMessageContaining(demo.toString()).hasMessageContaining("demo corpus");
    }

    @Test
    void siblingsAndFoldersThatOnlyShareANamePrefixAreFine() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("docs"));
        Path docs2 = Files.createDirectory(dir.resolve("docs2"));
        Path missing = dir.resolve("not-yet");
        ConfiguredConnectors.requireDisjoint(List.of(docs, docs2, missing));
        assertThat(ConfiguredConnectors.of(Optional.empty(), List.of(docs, docs2), Optional.empty(), MAX)).hasSize(2);
    }
}
