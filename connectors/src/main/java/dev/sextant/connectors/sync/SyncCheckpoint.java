package dev.sextant.connectors.sync;

import java.util.Optional;

/** The framework's checkpoint: the cursor a completed full load or poll left for the next poll. */
record SyncCheckpoint(String cursor) {

    private static final String PREFIX = "poll:";

    /** Empty for no checkpoint or one this framework did not write: then the next sync is a full load. */
    static Optional<SyncCheckpoint> parse(String stored) {
        return stored.startsWith(PREFIX) ? Optional.of(new SyncCheckpoint(stored.substring(PREFIX.length())))
                : Optional.empty();
    }

    String format() {
        return PREFIX + cursor;
    }
}
