package dev.sextant.gateway.indexing;

import java.util.Map;

/**
 * A source as an admin posts it: {@code {"id": "github-acme", "kind": "github", "name": "Acme on GitHub",
 * "interval": "PT15M", "settings": {...}, "secrets": {...}}}. On a PUT the id comes from the path, and a secret
 * left out keeps its stored value (an empty string removes it).
 */
public record SourceInput(String id, String kind, String name, String interval, Map<String, String> settings,
                          Map<String, String> secrets) {

    public SourceInput {
        settings = settings == null ? Map.of() : settings;
        secrets = secrets == null ? Map.of() : secrets;
    }
}
