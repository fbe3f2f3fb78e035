package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.Failures;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.FileNames;
import dev.sextant.connectors.extract.TextExtractor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One walk of a {@link FilesystemConnector}'s tree: decides file by file whether to skip, keep or upsert,
 * and remembers which documents it saw so that the connector can delete the rest. Walks with links
 * followed, so that a root given as a link works, and refuses each link below the root itself.
 */
final class SyncWalk implements FileVisitor<Path> {

    private static final String SYMBOLIC_LINK = "symbolic link, not followed";

    private final Path root;
    private final long maxFileBytes;
    private final TextExtractor extractor;
    private final FilesystemConnector.ContentReader reader;
    private final SyncSession session;
    private final Map<String, String> knownVersions;
    private final AclSidecars sidecars;
    private final Set<String> seen = new HashSet<>();
    private boolean cancelled;

    SyncWalk(FilesystemConnectorConfig config, TextExtractor extractor, FilesystemConnector.ContentReader reader,
             SyncSession session, Map<String, String> knownVersions) {
        this.root = config.root();
        this.maxFileBytes = config.maxFileBytes();
        this.extractor = extractor;
        this.reader = reader;
        this.session = session;
        this.knownVersions = knownVersions;
        this.sidecars = new AclSidecars(root, config.defaultAcl(), session::skip, reader);
    }

    /** Whether the document was indexed or found unchanged by this walk. */
    boolean seen(String documentId) {
        return seen.contains(documentId);
    }

    /**
     * Whether the walk stopped early, or was told to stop during its last file, because its thread was
     * interrupted; either way it has not seen everything and nothing may be deleted.
     */
    boolean cancelled() {
        return interrupted();
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (interrupted()) {
            return FileVisitResult.TERMINATE;
        }
        if (!dir.equals(root)) {
            if (isHidden(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isSymbolicLink(dir)) {
                session.skip(dir.toString(), SYMBOLIC_LINK);
                return FileVisitResult.SKIP_SUBTREE;
            }
        }
        sidecars.aclOf(dir); // now, so that a broken sidecar is reported even where there is nothing to index
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (interrupted()) {
            return FileVisitResult.TERMINATE;
        }
        if (!isHidden(file)) {
            visit(file, attrs);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
        if (file.equals(root)) {
            throw new IOException("cannot read filesystem root " + root + ": " + Failures.describe(exc), exc);
        }
        if (!isHidden(file)) {
            session.skip(file.toString(), Files.isSymbolicLink(file) ? SYMBOLIC_LINK : "cannot read: " + Failures.describe(exc));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
            if (dir.equals(root)) {
                throw new IOException("cannot list filesystem root " + root + ": " + Failures.describe(exc), exc);
            }
            session.skip(dir.toString(), "cannot list the whole folder: " + Failures.describe(exc));
        }
        return FileVisitResult.CONTINUE;
    }

    private void visit(Path file, BasicFileAttributes attrs) throws IOException {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            skip(file, SYMBOLIC_LINK);
        } else if (!attrs.isRegularFile()) {
            skip(file, "not a regular file");
        } else if (!extractor.supports(name)) {
            skip(file, FileNames.unsupportedReason(name));
        } else if (attrs.size() > maxFileBytes) {
            skip(file, "too large: " + attrs.size() + " bytes > limit " + maxFileBytes);
        } else {
            String id = FilesystemConnector.documentId(file);
            Instant modified = attrs.lastModifiedTime().toInstant();
            Acl acl = sidecars.aclOf(file.getParent());
            String version = FileFingerprint.of(modified, attrs.size(), acl);
            if (version.equals(knownVersions.get(id))) {
                seen.add(id);
                session.unchanged(id);
                return;
            }
            Optional<SourceDocument> document = document(file, name, id, modified, acl, version);
            if (document.isPresent()) {
                session.upsert(document.get());
                seen.add(id);
            }
        }
    }

    /**
     * The file's document, or empty after reporting why there is none to index. Whatever goes wrong with this
     * one file, an {@link Error} from a parser included, ends here as a skip so that the walk goes on.
     */
    private Optional<SourceDocument> document(Path file, String name, String id, Instant modified, Acl acl, String version) {
        try {
            return readText(file, name).map(text -> new SourceDocument(id, FilesystemConnector.SOURCE, text.title(),
                    text.body(), file.toUri().toString(), modified, acl, version));
        } catch (RuntimeException | Error e) {
            return skip(file, "cannot index: " + Failures.describe(e));
        }
    }

    /** The file's text, or empty after reporting why there is none to index. */
    private Optional<ExtractedText> readText(Path file, String name) {
        byte[] content;
        try {
            content = reader.read(file, (int) maxFileBytes + 1);
        } catch (IOException e) {
            return skip(file, "cannot read: " + Failures.describe(e));
        }
        if (content.length > maxFileBytes) {
            return skip(file, "too large: grew past the limit of " + maxFileBytes + " bytes while being read");
        }
        ExtractedText text;
        try {
            text = extractor.extract(content, name);
        } catch (ExtractionException e) {
            return Thread.currentThread().isInterrupted() ? Optional.empty() : skip(file, e.getMessage());
        }
        return text.body().isBlank() ? skip(file, "no text") : Optional.of(text);
    }

    private <T> Optional<T> skip(Path file, String reason) {
        session.skip(file.toString(), reason);
        return Optional.empty();
    }

    private boolean interrupted() {
        cancelled |= Thread.interrupted();
        return cancelled;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
