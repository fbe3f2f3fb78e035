package dev.sextant.connectors;

import dev.sextant.acl.Acl;
import java.time.Instant;
import java.util.Objects;

/**
 * One document as a connector hands it over: text already extracted, ACL already resolved.
 *
 * @param id       unique across all sources and stable across syncs (e.g. {@code fs:/srv/share/a.md})
 * @param source   the kind of source it came from, shown to users ({@code filesystem}, {@code gdrive}, ...)
 * @param title    a human title; never blank
 * @param body     the plain text to index
 * @param url      where a reader opens the original
 * @param updated  when the original last changed
 * @param acl      who may read it; {@link Acl#NONE} when unknown
 * @param version  an opaque fingerprint that changes whenever content or ACL changes, so that a
 *                 connector can skip what is already indexed by comparing with {@link SyncSession#knownVersions()}
 */
public record SourceDocument(String id, String source, String title, String body, String url,
                             Instant updated, Acl acl, String version) {

    public SourceDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(version, "version");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("document " + id + " has no title");
        }
    }
}
