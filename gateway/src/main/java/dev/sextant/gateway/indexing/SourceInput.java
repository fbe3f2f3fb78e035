package dev.sextant.gateway.indexing;

import java.util.Map;

/**
 * A source as an admin posts it: {@code {"id": "github-acme", "kind": "github", "name": "Acme on GitHub",
 * "interval": "PT15M", "settings": {...}, "secrets": {...}}}. On a PUT the id comes from the path, and a secret
 * left out keeps its stored value (an empty string removes it), and settings left out keep theirs.
 */
public record SourceInput(String id, String kind, String name, String interval, Map<String, String> settings,
                          Map<String, String> secrets) {

    /** This input with the settings of {@code stored} where it gives none, and no secrets where it gives none. */
    SourceInput over(Map<String, String> stored) {
        return new SourceInput(id, kind, name, interval, settings == null ? stored : settings,
                secrets == null ? Map.of() : secrets);
    }
}
