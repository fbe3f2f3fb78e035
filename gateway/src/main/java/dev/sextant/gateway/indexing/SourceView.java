package dev.sextant.gateway.indexing;

import java.time.Instant;
import java.util.Map;

/**
 * A source as the admin API returns it: its definition (secrets by name only, never their values) and its state.
 *
 * @param secrets each stored secret's name, with {@code {"set": true}}
 */
public record SourceView(String id, String kind, String name, boolean stored, String connectorId, String root,
                         String schedule, Map<String, String> settings, Map<String, SecretState> secrets,
                         String state, Instant pausedUntil, String activity, int runs, SyncRun lastRun,
                         Instant nextRun) {

    /** That a secret is stored; its value is never returned. */
    public record SecretState(boolean set) {
    }

    static SourceView of(SourceStatus s, String name, Map<String, String> settings, Map<String, SecretState> secrets) {
        return new SourceView(s.id(), s.kind(), name, s.stored(), s.connectorId(), s.root(), s.schedule(), settings,
                secrets, s.state(), s.pausedUntil(), s.activity(), s.runs(), s.lastRun(), s.nextRun());
    }
}
