package dev.sextant.connectors.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A source as an admin configured it: plain settings and decrypted secrets, both string to string (lists are
 * comma separated).
 */
public record SourceDefinition(String id, String kind, Map<String, String> settings, Map<String, String> secrets) {

    public SourceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) throws InvalidSourceException {
        return setting(name).or(() -> secret(name)).orElseThrow(() -> new InvalidSourceException(
                kind + " source " + id + " needs '" + name + "'"));
    }

    @Override
    public String toString() {
        return "SourceDefinition[" + id + ", " + kind + ", " + settings + ", secrets " + secrets.keySet() + "]";
    }
}
