package dev.sextant.connectors.fs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemRootsTest {

    @TempDir
    Path base;

    @Test
    void disjointRootsAndSiblingsWithACommonPrefixPass() throws Exception {
        Path docs = Files.createDirectories(base.resolve("docs"));
        Path docsArchive = Files.createDirectories(base.resolve("docs-archive"));
        Path wiki = Files.createDirectories(base.resolve("wiki"));

        assertThatCode(() -> FilesystemRoots.requireDisjoint(List.of(docs, docsArchive, wiki))).doesNotThrowAnyException();
        assertThatCode(() -> FilesystemRoots.requireDisjoint(List.of())).doesNotThrowAnyException();
    }

    @Test
    void nestedRootIsRefusedNamingBoth() throws Exception {
        Path docs = Files.createDirectories(base.resolve("docs"));
        Path team = Files.createDirectories(base.resolve("docs/team"));

        assertThatThrownBy(() -> FilesystemRoots.requireDisjoint(List.of(team, base.resolve("wiki"), docs)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filesystem root " + team + " lies inside filesystem root " + docs
                        + "; its files would be indexed twice, so give only the outer folder");
    }

    @Test
    void sameFolderGivenTwiceIsRefusedEvenWhenSpelledDifferently() throws Exception {
        Path docs = Files.createDirectories(base.resolve("docs"));

        assertThatThrownBy(() -> FilesystemRoots.requireDisjoint(List.of(docs, base.resolve("docs/./sub/.."))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filesystem root " + docs + " and filesystem root " + docs
                        + " are the same folder; give each folder once");
    }

    @Test
    void symbolicLinksAreResolvedBeforeComparing() throws Exception {
        Path docs = Files.createDirectories(base.resolve("docs"));
        Files.createDirectories(docs.resolve("team"));
        Path link = Files.createSymbolicLink(base.resolve("shortcut"), docs.resolve("team"));

        assertThatThrownBy(() -> FilesystemRoots.requireDisjoint(List.of(docs, link)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filesystem root " + link + " (really " + docs.toRealPath().resolve("team") + ") lies inside filesystem root "
                        + docs + "; its files would be indexed twice, so give only the outer folder");
    }

    @Test
    void missingRootIsComparedAsWritten() throws Exception {
        Path docs = Files.createDirectories(base.resolve("docs"));

        assertThatCode(() -> FilesystemRoots.requireDisjoint(List.of(docs, base.resolve("not-yet")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FilesystemRoots.requireDisjoint(List.of(docs, base.resolve("docs/not-yet"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lies inside filesystem root " + docs);
    }
}
