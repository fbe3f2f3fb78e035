package dev.sextant.gateway.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.gateway.secrets.SecretBox;
import dev.sextant.gateway.secrets.SecretException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sources configured through the admin API. Secrets are sealed ({@link SecretBox}) before they reach the
 * database and opened only to build a connector; nothing here returns them to an API.
 */
@ApplicationScoped
public class SourceStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final SecretBox box;

    SourceStore(EntityManager em, SecretBox box) {
        this.em = em;
        this.box = box;
    }

    public List<StoredSource> list() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("from SourceRow order by id",
                SourceRow.class).getResultList().stream().map(SourceStore::stored).toList());
    }

    public Optional<StoredSource> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(em.find(SourceRow.class, id))
                .map(SourceStore::stored));
    }

    /**
     * Creates the source, or replaces its settings, name and interval; each given secret replaces the stored one
     * of that name (an empty value removes it), and secrets not given stay as they are.
     */
    public StoredSource save(String id, String kind, String name, Duration interval, Map<String, String> settings,
                             Map<String, String> secrets) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            SourceRow row = em.find(SourceRow.class, id);
            boolean created = row == null;
            if (created) {
                row = new SourceRow();
                row.id = id;
                row.kind = kind;
                row.createdAt = now;
                row.secrets = "{}";
            }
            Map<String, String> sealed = new TreeMap<>(read(row.secrets));
            secrets.forEach((secret, value) -> {
                if (value == null || value.isEmpty()) {
                    sealed.remove(secret);
                } else {
                    sealed.put(secret, box.seal(id, secret, value));
                }
            });
            row.name = name;
            row.interval = interval.toString();
            row.settings = write(new TreeMap<>(settings));
            row.secrets = write(sealed);
            row.updatedAt = now;
            if (created) {
                em.persist(row);
            }
            return stored(row);
        });
    }

    /** Pauses ({@code paused}) or resumes the source; {@code until} is a rate limit's reset, null for none. */
    public void setPaused(String id, boolean paused, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> {
            SourceRow row = em.find(SourceRow.class, id);
            if (row != null) {
                row.paused = paused;
                row.pausedUntil = until;
            }
        });
    }

    public boolean delete(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("delete from SourceRow where id = :id")
                .setParameter("id", id).executeUpdate() > 0);
    }

    /** The definition a connector is built from, with the secrets opened. */
    public SourceDefinition definition(StoredSource source) throws SecretException {
        Map<String, String> secrets = new HashMap<>();
        for (Map.Entry<String, String> e : source.sealedSecrets().entrySet()) {
            secrets.put(e.getKey(), box.open(source.id(), e.getKey(), e.getValue()));
        }
        return new SourceDefinition(source.id(), source.kind(), source.settings(), secrets);
    }

    /** A definition as it would be saved: the stored secrets, opened, overlaid with the given ones. */
    public SourceDefinition definition(String id, String kind, Map<String, String> settings,
                                       Map<String, String> secrets) throws SecretException {
        Map<String, String> merged = new HashMap<>();
        Optional<StoredSource> stored = find(id);
        if (stored.isPresent()) {
            merged.putAll(definition(stored.get()).secrets());
        }
        secrets.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        return new SourceDefinition(id, kind, settings, merged);
    }

    private static StoredSource stored(SourceRow row) {
        return new StoredSource(row.id, row.kind, row.name, read(row.settings), read(row.secrets),
                Duration.parse(row.interval), row.paused, row.pausedUntil, row.createdAt, row.updatedAt);
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored source's JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
