package dev.sextant.connectors.fs;

import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * Indexes the files under a folder, with who may read them taken from {@link AclSidecar} files: a folder's
 * sidecar covers it and everything below until a deeper sidecar replaces it; where none applies the
 * configured default ACL does, and without one nobody may read. A sidecar that cannot be read or parsed means
 * that nobody may read what it covers; it is reported as skipped, and the files below it are still indexed so
 * that fixing it later shows up as an ACL change.
 *
 * <p>What a sync does:
 * <ul>
 *   <li>Walks the tree, ignoring hidden files and folders (names starting with {@code .}, which includes the
 *       sidecars). Symbolic links below the root are not followed, so that neither a file outside the root
 *       nor a file under a stricter sidecar can be published through a link; they are reported as skipped.</li>
 *   <li>Gives each supported file a version from its modification time, size and ACL
 *       ({@code <mtime millis>:<size>:<ACL hash>}). A file whose version the index already holds is not
 *       opened at all; others are read, extracted and upserted. An edited sidecar thus upserts exactly the
 *       files it covers.</li>
 *   <li>Skips, with a reason, any file it cannot index: unsupported type, too large, unreadable, binary,
 *       failed extraction (an {@link Error} from a parser included), extraction past the configured time or
 *       character limit ({@link ExtractionLimits}), no text. One bad file never fails the sync; only a
 *       missing or unreadable root, or a failing index, does.</li>
 *   <li>Deletes every document of this connector that it did not index or find unchanged. That includes a
 *       file indexed before that is now skipped, e.g. because it became unreadable or too large: the index
 *       must not keep serving content and an ACL that can no longer be vouched for.</li>
 * </ul>
 * A sync is cancelled by interrupting its thread between files; it then deletes nothing.
 */
public final class FilesystemConnector implements Connector {

    /** The {@link dev.sextant.connectors.SourceDocument#source()} of every document from here. */
    public static final String SOURCE = "filesystem";

    private static final String ID_PREFIX = "fs:";

    /**
     * How the connector gets the bytes of a file or a sidecar; a seam for tests, where running as root
     * defeats chmod.
     */
    @FunctionalInterface
    interface ContentReader {
        /** Reads the file, stopping after {@code maxBytes}. */
        byte[] read(Path file, int maxBytes) throws IOException;
    }

    private final FilesystemConnectorConfig config;
    private final TextExtractor extractor;
    private final ContentReader reader;

    /** Extracts with {@link TextExtractor#standard(ExtractionLimits)} under the configuration's limits. */
    public FilesystemConnector(FilesystemConnectorConfig config) {
        this(config, TextExtractor.standard(config.extraction()));
    }

    /** Runs the given extractor within the configuration's time and character limits. */
    public FilesystemConnector(FilesystemConnectorConfig config, TextExtractor extractor) {
        this(config, extractor, FilesystemConnector::readAtMost);
    }

    FilesystemConnector(FilesystemConnectorConfig config, TextExtractor extractor, ContentReader reader) {
        this.config = config;
        this.extractor = new BoundedExtractor(extractor, config.extraction());
        this.reader = reader;
    }

    @Override
    public String id() {
        return documentId(config.root());
    }

    @Override
    public void sync(SyncSession session) throws IOException, InterruptedException {
        Path root = config.root();
        requireReadableDirectory(root);
        session.discovered(countVisibleFiles(root));
        Map<String, String> known = session.knownVersions();
        SyncWalk walk = new SyncWalk(config, extractor, reader, session, known);
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walk);
        if (walk.cancelled()) {
            throw new InterruptedException("sync of filesystem root " + root + " was cancelled");
        }
        String below = idPrefixBelow(root);
        for (String id : known.keySet()) {
            if (id.startsWith(below) && !walk.seen(id)) {
                session.delete(id);
            }
        }
    }

    /** {@code fs:} and the absolute, normalised path. */
    static String documentId(Path path) {
        return ID_PREFIX + path;
    }

    /** The id prefix of everything below the root: its id and a separator (just one where the root is {@code /}). */
    private static String idPrefixBelow(Path root) {
        String child = documentId(root.resolve("x"));
        return child.substring(0, child.length() - 1);
    }

    /** The files a walk will look at, for progress: regular, not hidden, not below a hidden folder. */
    private static int countVisibleFiles(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            return (int) paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !hiddenBelow(root, p))
                    .count();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static boolean hiddenBelow(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void requireReadableDirectory(Path root) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("filesystem root " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("filesystem root " + root + " is not a directory");
        }
        if (!Files.isReadable(root)) {
            throw new IOException("filesystem root " + root + " is not readable");
        }
    }

    private static byte[] readAtMost(Path file, int maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(maxBytes);
        }
    }
}
