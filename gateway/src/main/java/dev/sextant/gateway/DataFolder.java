package dev.sextant.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder (index, database, session key) is readable by its owner only: created {@code rwx------},
 * and an existing one is tightened to that. On a file system without POSIX permissions it is only created.
 */
public final class DataFolder {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /** Creates {@code dir} (and missing parents) if needed, and makes it owner-only; returns it. */
    public static Path prepare(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        boolean posix = posix(Files.exists(folder) ? folder : existingAncestor(folder));
        if (!Files.isDirectory(folder)) {
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            Files.createDirectories(folder, attributes);
        }
        if (posix && !Files.getPosixFilePermissions(folder).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
        return folder;
    }

    private static boolean posix(Path existing) {
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    private static Path existingAncestor(Path path) {
        Path p = path.getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
