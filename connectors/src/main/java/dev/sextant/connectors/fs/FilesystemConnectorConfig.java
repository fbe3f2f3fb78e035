package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.extract.ExtractionLimits;
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
 * @param extraction   how long one file's extraction may take and how much text it may yield; a file past
 *                     a limit is skipped with the reason
 */
public record FilesystemConnectorConfig(Path root, Optional<Acl> defaultAcl, long maxFileBytes, ExtractionLimits extraction) {

    public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

    public FilesystemConnectorConfig {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        Objects.requireNonNull(defaultAcl, "defaultAcl");
        Objects.requireNonNull(extraction, "extraction");
        // A file is read into one byte array, so the limit stays below what an array can hold.
        if (maxFileBytes <= 0 || maxFileBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GiB, was " + maxFileBytes);
        }
    }

    /** With the {@linkplain ExtractionLimits#defaults() default extraction limits} (60 s, 5,000,000 characters). */
    public FilesystemConnectorConfig(Path root, Optional<Acl> defaultAcl, long maxFileBytes) {
        this(root, defaultAcl, maxFileBytes, ExtractionLimits.defaults());
    }

    /** The root with no default ACL and the default limits (20 MiB, 60 s, 5,000,000 characters). */
    public static FilesystemConnectorConfig of(Path root) {
        return new FilesystemConnectorConfig(root, Optional.empty(), DEFAULT_MAX_FILE_BYTES);
    }

    /** The root with a default ACL and the default limits (20 MiB, 60 s, 5,000,000 characters). */
    public static FilesystemConnectorConfig of(Path root, Acl defaultAcl) {
        return new FilesystemConnectorConfig(root, Optional.of(defaultAcl), DEFAULT_MAX_FILE_BYTES);
    }

    /** This configuration with other extraction limits. */
    public FilesystemConnectorConfig withExtraction(ExtractionLimits limits) {
        return new FilesystemConnectorConfig(root, defaultAcl, maxFileBytes, limits);
    }
}
