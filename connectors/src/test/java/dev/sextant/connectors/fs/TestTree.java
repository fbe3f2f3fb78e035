package dev.sextant.connectors.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Builds files under a test's root folder by relative path. */
record TestTree(Path root) {

    Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /** Rewrites a file and moves its modification time a minute on, so a change is seen even within one clock tick. */
    Path rewrite(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        FileTime before = Files.getLastModifiedTime(file);
        write(relative, text);
        return Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(60)));
    }

    Path sidecar(String relativeDirectory, String aclText) throws IOException {
        return write(relativeDirectory.isEmpty() ? AclSidecar.FILE_NAME : relativeDirectory + "/" + AclSidecar.FILE_NAME, aclText);
    }

    String id(String relative) {
        return "fs:" + root.toAbsolutePath().normalize().resolve(relative);
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    static Instant mtime(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }
}
