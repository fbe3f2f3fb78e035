package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.GroupSink;
import dev.sextant.connectors.spi.GroupSync;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A Google Workspace domain's Drive, as one user (the delegated subject, or the refresh token's owner) sees it: their
 * My Drive and the shared drives they belong to. Full load and slim listing list the corpus; the poll reads the
 * change feed from the cursor, checkpointing each page's {@code nextPageToken} and returning the
 * {@code newStartPageToken} of the last page; groups come from the Admin SDK.
 *
 * <p>Content version: {@code md5Checksum} (else {@code headRevisionId}) of a file with binary content, the
 * {@code modifiedTime} of a Docs, Sheets or Slides file, with the name's digest. Not {@code version}, which Drive
 * bumps on every change, sharing included, so that a permission change would re-read and re-embed the content.
 */
public final class DriveConnector implements SourceConnector, FullLoad, IncrementalPoll, SlimListing, DocumentFetch,
        GroupSync, ConnectionCheck {

    static final String KIND = "gdrive";

    private final String id;
    private final DriveListing listing;
    private final DrivePermissions permissions;
    private final DriveContent content;
    private final Optional<DriveGroups> groups;
    private final DriveCheck check;

    DriveConnector(String id, DriveListing listing, DrivePermissions permissions, DriveContent content,
                   Optional<DriveGroups> groups, DriveCheck check) {
        this.id = id;
        this.listing = listing;
        this.permissions = permissions;
        this.content = content;
        this.groups = groups;
        this.check = check;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException, InterruptedException {
        permissions.forget();
        listing.eachFile(file -> {
            if (file.inCorpus()) {
                offer(file, sink);
            }
        });
    }

    @Override
    public String currentCursor() throws IOException, InterruptedException {
        return listing.startPageToken();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        permissions.forget();
        String pageToken = cursor;
        while (true) {
            DriveListing.ChangesPage page = listing.changes(pageToken);
            for (JsonNode change : page.changes()) {
                apply(change, sink);
            }
            if (page.newStartPageToken() != null) {
                return page.newStartPageToken();
            }
            pageToken = page.nextPageToken();
            sink.checkpoint(pageToken);
        }
    }

    /** A removed file, a trashed one, or one that left the corpus is a deletion; a folder's change is nothing. */
    private void apply(JsonNode change, ChangeSink sink) throws IOException, InterruptedException {
        if (!"file".equals(change.path("changeType").asText("file")) || !change.hasNonNull("fileId")) {
            return;
        }
        String documentId = documentId(change.get("fileId").asText());
        if (change.path("removed").asBoolean(false) || !change.path("file").isObject()) {
            sink.delete(documentId);
            return;
        }
        DriveFile file = DriveFile.of(change.get("file"));
        if (file.inCorpus()) {
            offer(file, sink);
        } else if (!file.isContainer()) {
            sink.delete(documentId);
        }
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        permissions.forget();
        listing.eachFile(file -> {
            if (file.inCorpus()) {
                try {
                    sink.document(slim(file));
                } catch (GoogleApiException e) {
                    sink.incomplete(documentId(file.id()), unreadablePermissions(e));
                }
            }
        });
    }

    @Override
    public Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException {
        DriveFile file;
        try {
            file = listing.file(documentId.substring(id.length() + 1));
        } catch (GoogleApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        if (!file.inCorpus()) {
            return Optional.empty();
        }
        return content.read(file) instanceof DriveContent.Text text
                ? Optional.of(document(file, slim(file), text.body())) : Optional.empty();
    }

    @Override
    public void syncGroups(GroupSink sink) throws IOException, InterruptedException {
        if (groups.isPresent()) {
            groups.get().sync(sink);
        }
    }

    @Override
    public void check() throws SourceCheckException, InterruptedException {
        check.run();
    }

    private void offer(DriveFile file, DocumentSink sink) throws IOException, InterruptedException {
        SlimDocument slim;
        try {
            slim = slim(file);
        } catch (GoogleApiException e) {
            sink.skip(documentId(file.id()), unreadablePermissions(e));
            return;
        }
        if (!sink.offer(slim)) {
            return;
        }
        switch (content.read(file)) {
            case DriveContent.Text text -> sink.upsert(document(file, slim, text.body()));
            case DriveContent.Skip skip -> sink.skip(slim.id(), skip.reason());
            case DriveContent.Gone gone -> sink.skip(slim.id(), "gone from Drive while it was being read");
        }
    }

    /** A file whose permissions cannot be read (403, 404) is left as indexed, never failing the sync. */
    private static String unreadablePermissions(GoogleApiException e) throws GoogleApiException {
        if (e.status() != 403 && e.status() != 404) {
            throw e;
        }
        return "its permissions could not be read: " + e.getMessage();
    }

    private SlimDocument slim(DriveFile file) throws IOException, InterruptedException {
        return new SlimDocument(documentId(file.id()), version(file), permissions.acl(file));
    }

    private SourceDocument document(DriveFile file, SlimDocument slim, String body) {
        String title = file.name().isBlank() ? file.id() : file.name();
        return new SourceDocument(slim.id(), KIND, title, body, file.webViewLink(), file.modifiedTime(), slim.acl(),
                slim.version());
    }

    private String documentId(String fileId) {
        return id + ":" + fileId;
    }

    static String version(DriveFile file) {
        String content = file.md5Checksum().map(md5 -> "md5:" + md5)
                .or(() -> file.headRevisionId().map(rev -> "rev:" + rev))
                .orElse("mod:" + file.modifiedTime());
        return content + ":" + digest(file.name() + "\n" + file.mimeType() + "\n" + file.webViewLink());
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
