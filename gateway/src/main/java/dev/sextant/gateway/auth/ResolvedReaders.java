package dev.sextant.gateway.auth;

import dev.sextant.acl.IdentityDirectory;
import dev.sextant.acl.Principals;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Readers' resolved principals, kept for a few seconds so that a person in thousands of groups does not pay for the
 * expansion on every query. The directory a resolution was made against is part of its key: a group sync or an
 * identity-map edit swaps the directory, so the next query resolves afresh, whatever the age of the entry.
 */
final class ResolvedReaders {

    private record Key(IdentityDirectory directory, String email, Set<String> idpGroups) {
    }

    private record Resolved(Principals principals, long at) {
    }

    private final long ttlNanos;
    private final int capacity;
    private final InstantSource clock;
    private final Map<Key, Resolved> entries;

    ResolvedReaders(Duration ttl, int capacity, InstantSource clock) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Resolved> eldest) {
                return size() > ResolvedReaders.this.capacity;
            }
        };
    }

    Principals get(IdentityDirectory directory, String email, Set<String> idpGroups, Supplier<Principals> resolve) {
        Key key = new Key(directory, email, Set.copyOf(idpGroups));
        long now = nanos();
        synchronized (entries) {
            Resolved e = entries.get(key);
            if (e != null && now - e.at() < ttlNanos) {
                return e.principals();
            }
        }
        Principals principals = resolve.get();
        synchronized (entries) {
            entries.put(key, new Resolved(principals, now));
        }
        return principals;
    }

    private long nanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
