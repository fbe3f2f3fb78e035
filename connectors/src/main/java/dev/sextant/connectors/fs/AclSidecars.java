package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.connectors.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Resolves the ACL of each folder under a root from {@linkplain AclSidecar sidecar} files: a folder's own
 * sidecar applies to it and everything below, until a deeper sidecar replaces it. Where no sidecar applies
 * the default ACL does, and without a default nobody may read ({@link Acl#NONE}). A sidecar that cannot be
 * read (an I/O error) or parsed also means {@link Acl#NONE} for everything it covers, never the ACL from
 * above, and is reported once. Results are cached per folder, so one instance serves one sync and sees sidecars as they
 * were then.
 */
final class AclSidecars {

    private final Path root;
    private final Acl fallback;
    private final BiConsumer<String, String> reportInvalid;
    private final FilesystemConnector.ContentReader reader;
    private final Map<Path, Acl> byDirectory = new HashMap<>();

    /**
     * @param reportInvalid called once per unusable sidecar with its path and a reason, e.g. {@code session::skip}
     * @param reader        how a sidecar's bytes are read
     */
    AclSidecars(Path root, Optional<Acl> defaultAcl, BiConsumer<String, String> reportInvalid,
                FilesystemConnector.ContentReader reader) {
        this.root = root;
        this.fallback = defaultAcl.orElse(Acl.NONE);
        this.reportInvalid = reportInvalid;
        this.reader = reader;
    }

    /** The ACL of the files directly in {@code directory}, which must be the root or below it. */
    Acl aclOf(Path directory) {
        if (!directory.startsWith(root)) {
            throw new IllegalArgumentException(directory + " is not under " + root);
        }
        Acl cached = byDirectory.get(directory);
        if (cached == null) {
            cached = resolve(directory);
            byDirectory.put(directory, cached);
        }
        return cached;
    }

    private Acl resolve(Path directory) {
        Path sidecar = AclSidecar.in(directory);
        if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            return directory.equals(root) ? fallback : aclOf(directory.getParent());
        }
        try {
            if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                return invalid(sidecar, "not a regular file (symbolic links are not followed)");
            }
            return AclSidecar.parse(reader.read(sidecar, AclSidecar.MAX_BYTES + 1));
        } catch (AclSyntaxException e) {
            return invalid(sidecar, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return invalid(sidecar, "cannot read it: " + Failures.describe(e));
        }
    }

    private Acl invalid(Path sidecar, String reason) {
        reportInvalid.accept(sidecar.toString(),
                "invalid ACL sidecar: " + reason + "; documents below it are readable by nobody");
        return Acl.NONE;
    }
}
