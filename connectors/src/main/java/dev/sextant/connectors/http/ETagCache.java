package dev.sextant.connectors.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bodies kept with their ETag, least recently used dropped first within a byte budget, so that a re-sync can ask
 * {@code If-None-Match} and take a 304 instead of the body.
 */
final class ETagCache {

    record Entry(String etag, HttpHeaders headers, byte[] body) {
    }

    private final long maxBytes;
    private final LinkedHashMap<URI, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    ETagCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Optional<Entry> get(URI uri) {
        return Optional.ofNullable(entries.get(uri));
    }

    synchronized void put(URI uri, Entry entry) {
        if (entry.body().length > maxBytes / 4) {
            return;
        }
        Entry old = entries.put(uri, entry);
        bytes += entry.body().length - (old == null ? 0 : old.body().length);
        var it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<URI, Entry> eldest = it.next();
            bytes -= eldest.getValue().body().length;
            it.remove();
        }
    }
}
