package dev.sextant.gateway.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A source as the database holds it, its secrets still sealed.
 *
 * @param paused      paused by an admin: no run until resumed
 * @param pausedUntil paused by the source's rate limit until then (null when not)
 */
public record StoredSource(String id, String kind, String name, Map<String, String> settings,
                           Map<String, String> sealedSecrets, Duration interval, boolean paused, Instant pausedUntil,
                           Instant createdAt, Instant updatedAt) {

    public StoredSource {
        settings = Map.copyOf(settings);
        sealedSecrets = Map.copyOf(sealedSecrets);
    }

    public Set<String> secretNames() {
        return sealedSecrets.keySet();
    }
}
