package dev.sextant.gateway;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.RateLimitedException;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.GroupSink;
import dev.sextant.connectors.spi.GroupSync;
import dev.sextant.connectors.spi.IdentityDiscovery;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.spi.SourceIdentity;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A connector kind registered only in the gateway's tests ({@code memo}): an in-memory source, one
 * {@link Space} per {@code space} setting, with documents, a change feed, groups and identities the test edits,
 * a token the connection check compares, and switches that make the next sync hit a rate limit or die mid-poll.
 */
public final class MemoConnectorFactory implements ConnectorFactory {

    static final Map<String, Space> SPACES = new ConcurrentHashMap<>();

    /** One memo document: id (without the source prefix), words, readers. */
    record Memo(String id, String title, String body, List<String> readers, int revision) {
    }

    /** What one source holds, and what its syncs did. */
    static final class Space {
        final String token;
        final Map<String, Memo> memos = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> changes = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
        final List<String[]> identities = Collections.synchronizedList(new ArrayList<>());
        final List<String> pollsFrom = Collections.synchronizedList(new ArrayList<>());
        volatile Instant rateLimitedUntil;
        /** The poll dies with an IOException before handing over the change at this index (-1: never). */
        volatile int dieAtChange = -1;

        Space(String token) {
            this.token = token;
        }

        void put(Memo memo) {
            memos.put(memo.id(), memo);
            changes.add(memo.id());
        }

        void remove(String id) {
            memos.remove(id);
            changes.add(id);
        }
    }

    static Space space(String name, String token) {
        Space space = new Space(token);
        SPACES.put(name, space);
        return space;
    }

    @Override
    public String kind() {
        return "memo";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(new SettingSpec("space", true, false, "the memo space to index"),
                new SettingSpec("token", true, true, "the space's access token"));
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        String name = definition.required("space");
        Space space = SPACES.get(name);
        if (space == null) {
            throw new InvalidSourceException("'space' names no memo space: '" + name + "'");
        }
        return new Memos(definition.id(), space, definition.required("token"));
    }

    private static final class Memos implements SourceConnector, FullLoad, IncrementalPoll, GroupSync,
            IdentityDiscovery, ConnectionCheck {

        private final String id;
        private final Space space;
        private final String token;

        Memos(String id, Space space, String token) {
            this.id = id;
            this.space = space;
            this.token = token;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String kind() {
            return "memo";
        }

        @Override
        public void check() throws SourceCheckException {
            if (!space.token.equals(token)) {
                throw new SourceCheckException("bad token: the memo space refused it (HTTP 401)");
            }
        }

        @Override
        public void loadAll(DocumentSink sink) throws IOException {
            Instant until = space.rateLimitedUntil;
            if (until != null) {
                throw new RateLimitedException(until, "rate limit of memo.example spent");
            }
            for (Memo memo : List.copyOf(space.memos.values())) {
                if (memo.body().isEmpty()) {
                    sink.skip(id + ":" + memo.id(), "empty memo");
                } else if (sink.offer(slim(memo))) {
                    sink.upsert(document(memo));
                }
            }
        }

        @Override
        public String currentCursor() {
            return Integer.toString(space.changes.size());
        }

        @Override
        public String poll(String cursor, ChangeSink sink) throws IOException {
            space.pollsFrom.add(cursor);
            List<String> changes = List.copyOf(space.changes);
            for (int i = Integer.parseInt(cursor); i < changes.size(); i++) {
                if (i == space.dieAtChange) {
                    space.dieAtChange = -1;
                    throw new IOException("connection reset by memo.example");
                }
                Memo memo = space.memos.get(changes.get(i));
                if (memo == null) {
                    sink.delete(id + ":" + changes.get(i));
                } else {
                    sink.upsert(document(memo));
                }
                sink.checkpoint(Integer.toString(i + 1));
            }
            return Integer.toString(changes.size());
        }

        @Override
        public void syncGroups(GroupSink sink) {
            space.groups.forEach((group, members) -> sink.group(Principal.group(id, group),
                    members.stream().map(Principal::parse).toList()));
        }

        @Override
        public void discoverIdentities(Consumer<SourceIdentity> sink) {
            for (String[] identity : List.copyOf(space.identities)) {
                sink.accept(new SourceIdentity(Principal.account(id, identity[0]), identity[1],
                        Optional.ofNullable(identity[2])));
            }
        }

        private SlimDocument slim(Memo memo) {
            return new SlimDocument(id + ":" + memo.id(), "r" + memo.revision(), acl(memo));
        }

        private SourceDocument document(Memo memo) {
            return new SourceDocument(id + ":" + memo.id(), "memo", memo.title(), memo.body(),
                    "https://memo.example/" + id + "/" + memo.id(), Instant.EPOCH.plusSeconds(memo.revision()),
                    acl(memo), "r" + memo.revision());
        }

        private Acl acl(Memo memo) {
            return Acl.of(AclClause.of(memo.readers().stream()
                    .map(r -> Principal.parse(r.replace("{source}", id))).toList()));
        }
    }
}
