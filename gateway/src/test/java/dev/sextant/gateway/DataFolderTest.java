package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posix() {
        assumeTrue(Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null,
                "the temporary folder's file system has no POSIX permissions");
    }

    @Test
    void createsTheFolderAndMissingParentsOwnerOnly() throws IOException {
        Path data = tmp.resolve("a/b/data");

        Path prepared = DataFolder.prepare(data);

        assertThat(prepared).isEqualTo(data.toAbsolutePath()).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void tightensAnExistingFolderAndKeepsItsContents() throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(data.resolve("session.key"), "k");

        DataFolder.prepare(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(data.resolve("session.key")).hasContent("k");
    }

    @Test
    void refusesAFileWhereTheFolderShouldBe() throws IOException {
        Path file = Files.writeString(tmp.resolve("data"), "not a folder");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataFolder.prepare(file))
                .isInstanceOf(IOException.class);
    }
}
