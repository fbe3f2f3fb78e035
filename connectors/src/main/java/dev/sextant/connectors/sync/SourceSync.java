package dev.sextant.connectors.sync;

import dev.sextant.acl.Principal;
import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.GroupSync;
import dev.sextant.connectors.spi.IdentityDiscovery;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one {@link SourceConnector} as a {@link Connector}: what every connector would otherwise do itself.
 *
 * <ol>
 *   <li>Groups and identities first, so that the documents that follow are readable by the right people at once.</li>
 *   <li>Without a checkpoint (or without {@link IncrementalPoll}): a full load, which deletes what the index
 *       holds and the load did not offer. The cursor is taken before the load and saved only after it, so a load
 *       that dies is redone, cheaply, since offered documents whose content the index has are not read again.</li>
 *   <li>With one: a poll from the cursor, then the {@link SlimListing} if the source has one, which deletes what
 *       is gone and applies ACL-only changes without reading or embedding content.</li>
 * </ol>
 */
public final class SourceSync implements Connector {

    private final SourceConnector source;
    private final DirectoryStore directory;

    public SourceSync(SourceConnector source, DirectoryStore directory) {
        if (!(source instanceof FullLoad)) {
            throw new IllegalArgumentException(source.kind() + " connector " + source.id() + " has no full load");
        }
        this.source = source;
        this.directory = directory;
    }

    @Override
    public String id() {
        return source.id();
    }

    public SourceConnector source() {
        return source;
    }

    @Override
    public void sync(SyncSession session) throws IOException, InterruptedException {
        syncDirectory();
        VersionedWrites writes = new VersionedWrites(session);
        Optional<SyncCheckpoint> checkpoint = session.checkpoint().flatMap(SyncCheckpoint::parse);
        if (source instanceof IncrementalPoll poll && checkpoint.isPresent()) {
            String next = poll.poll(checkpoint.get().cursor(), writes);
            if (source instanceof SlimListing listing) {
                reconcile(listing, writes);
            }
            writes.checkpoint(next);
        } else {
            Optional<String> cursor = source instanceof IncrementalPoll poll
                    ? Optional.of(poll.currentCursor()) : Optional.empty();
            ((FullLoad) source).loadAll(writes);
            deleteUnseen(writes, Set.of());
            cursor.ifPresent(writes::checkpoint);
        }
    }

    private void syncDirectory() throws IOException, InterruptedException {
        if (source instanceof GroupSync groups) {
            Map<Principal, Set<Principal>> members = new LinkedHashMap<>();
            groups.syncGroups((group, direct) -> members.computeIfAbsent(group, g -> new LinkedHashSet<>())
                    .addAll(direct));
            directory.replaceGroups(source.id(), members);
        }
        if (source instanceof IdentityDiscovery discovery) {
            List<SourceIdentity> identities = new ArrayList<>();
            discovery.discoverIdentities(identities::add);
            directory.recordIdentities(source.id(), identities);
        }
    }

    /** Applies a slim listing: ACL changes in place, changed content re-read where the source can, deletions. */
    private void reconcile(SlimListing listing, VersionedWrites writes) throws IOException, InterruptedException {
        writes.forget();
        List<SlimDocument> changed = new ArrayList<>();
        Set<String> incomplete = new LinkedHashSet<>();
        listing.listSlim(new SlimSink() {
            @Override
            public void document(SlimDocument document) throws IOException {
                if (writes.hasContent(document)) {
                    writes.offer(document);
                } else {
                    writes.seen().add(document.id());
                    changed.add(document);
                }
            }

            @Override
            public void incomplete(String idPrefix, String reason) {
                incomplete.add(idPrefix);
                writes.skip(idPrefix, "not listed, so nothing under it was checked for deletion: " + reason);
            }
        });
        for (SlimDocument document : changed) {
            if (source instanceof DocumentFetch fetch) {
                Optional<SourceDocument> current = fetch.fetch(document.id());
                if (current.isPresent()) {
                    writes.upsert(current.get());
                } else {
                    writes.delete(document.id());
                }
            }
        }
        deleteUnseen(writes, incomplete);
    }

    private static void deleteUnseen(VersionedWrites writes, Set<String> keepPrefixes) throws IOException {
        for (String id : writes.indexed()) {
            if (!writes.seen().contains(id) && keepPrefixes.stream().noneMatch(id::startsWith)) {
                writes.delete(id);
            }
        }
    }
}
