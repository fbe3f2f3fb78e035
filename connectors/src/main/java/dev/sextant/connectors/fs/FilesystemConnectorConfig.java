package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link FilesystemConnector} reads and what it assumes.
 *
 * @param root         the folder to index; kept absolute and normalised
 * @param defaultAcl   the ACL of files that no {@value AclSidecar#FILE_NAME} sidecar covers; when empty such
 *                     files are readable by nobody ({@link Acl#NONE})
 * @param maxFileBytes files larger than this are skipped
 */
public record FilesystemConnectorConfig(Path root, Optional<Acl> defaultAcl, long maxFileBytes) {

    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public FilesystemConnectorConfig {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        Objects.requireNonNull(defaultAcl, "defaultAcl");
        // A file is read into one byte array, so the limit stays below what an array can hold.
        if (maxFileBytes <= 0 || maxFileBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GiB, was " + maxFileBytes);
        }
    }

    /** The root with no default ACL and the default size limit of 20 MiB. */
    public static FilesystemConnectorConfig of(Path root) {
        return new FilesystemConnectorConfig(root, Optional.empty(), DEFAULT_MAX_FILE_BYTES);
    }

    /** The root with a default ACL and the default size limit of 20 MiB. */
    public static FilesystemConnectorConfig of(Path root, Acl defaultAcl) {
        return new FilesystemConnectorConfig(root, Optional.of(defaultAcl), DEFAULT_MAX_FILE_BYTES);
    }
}
