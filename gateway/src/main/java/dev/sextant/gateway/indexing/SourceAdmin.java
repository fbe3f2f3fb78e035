package dev.sextant.gateway.indexing;

import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.spi.ConnectionCheck;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceCheckException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.fs.FilesystemSource;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.gateway.secrets.SecretException;
import dev.sextant.gateway.sources.SourceStore;
import dev.sextant.gateway.sources.StoredSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the admin API does to sources: validates a definition against its kind's settings, checks its credentials
 * with the connector's {@link ConnectionCheck}, stores it (secrets sealed) and schedules it; pauses, resumes and
 * deletes (with its documents). Configured sources ({@code --fs}, demo) are listed and synced but not edited.
 */
@ApplicationScoped
public class SourceAdmin {

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);
    /** Usable in {@code group:<source>:} and {@code account:<source>:} principals and in a URL path. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private final IndexingService indexing;
    private final SourceStore store;
    private final boolean demo;

    SourceAdmin(IndexingService indexing, SourceStore store, SextantConfig config) {
        this.indexing = indexing;
        this.store = store;
        this.demo = config.demo().enabled();
    }

    /** Every source: configured ones first, then stored ones. */
    public List<SourceView> list() {
        Map<String, StoredSource> stored = new TreeMap<>();
        store.list().forEach(s -> stored.put(s.id(), s));
        return indexing.sources().stream().map(s -> view(s, stored.get(s.id()))).toList();
    }

    public SourceView get(String id) {
        SourceStatus status = indexing.source(id).orElseThrow(() -> SourceRequestException.notFound(id));
        return view(status, store.find(id).orElse(null));
    }

    public SourceView create(SourceInput input, boolean check) {
        if (demo) {
            throw SourceRequestException.conflict("demo mode (sextant.demo.enabled=true) runs alone: the demo "
                    + "accounts' password is published, so no real source is added beside it; start without demo "
                    + "mode (--no-demo) to add sources");
        }
        String id = input.id() == null ? "" : input.id().strip();
        if (!ID.matcher(id).matches()) {
            throw SourceRequestException.badRequest("'id' must be 1 to 63 characters of a-z, 0-9, '.', '_' or '-', "
                    + "starting with a letter or digit; was '" + id + "'");
        }
        if (indexing.isConfigured(id) || store.find(id).isPresent()) {
            throw SourceRequestException.conflict("a source with the id '" + id + "' exists already");
        }
        StoredSource saved = save(id, input.over(Map.of()), check, Optional.empty());
        indexing.schedule(saved);
        return get(id);
    }

    public SourceView update(String id, SourceInput input, boolean check) {
        StoredSource before = stored(id);
        if (input.kind() != null && !input.kind().equals(before.kind())) {
            throw SourceRequestException.badRequest("a source's kind cannot change (it is " + before.kind()
                    + "); delete it and create a new one");
        }
        StoredSource saved = save(id, new SourceInput(id, before.kind(), input.name(), input.interval(),
                input.settings(), input.secrets()).over(before.settings()), check, Optional.of(before));
        indexing.schedule(saved);
        return get(id);
    }

    /** Deletes the source and its documents from the index; returns how many documents went. */
    public int delete(String id) {
        StoredSource source = stored(id);
        String connectorId = indexing.connectorIdOf(source);
        requireRemovable(id);
        store.delete(id);
        try {
            return indexing.forget(id, connectorId);
        } catch (IOException e) {
            throw new UncheckedIOException("source " + id + " was deleted, but its documents could not be removed "
                    + "from the index; they go at the next start", e);
        }
    }

    /** Runs the connector's connection check with the stored definition; empty when it passed. */
    public Optional<String> test(String id) {
        StoredSource source = stored(id);
        try {
            return check(store.definition(source));
        } catch (SecretException e) {
            return Optional.of(e.getMessage());
        }
    }

    public void pause(String id) {
        stored(id);
        indexing.pause(id);
    }

    public SyncScheduler.Trigger resume(String id) {
        stored(id);
        return indexing.resume(id).orElseThrow(() -> SourceRequestException.notFound(id));
    }

    /** Kind to its settings, for {@code GET /api/admin/connectors}. */
    public Map<String, List<SettingSpec>> kinds() {
        Map<String, List<SettingSpec>> kinds = new TreeMap<>();
        indexing.registry().kinds().forEach((kind, factory) -> kinds.put(kind, factory.settings()));
        return kinds;
    }

    private StoredSource save(String id, SourceInput input, boolean check, Optional<StoredSource> before) {
        String kind = input.kind() == null ? "" : input.kind().strip();
        ConnectorFactory factory = indexing.registry().factory(kind).orElseThrow(() ->
                SourceRequestException.badRequest("unknown connector kind '" + kind + "'; known kinds: "
                        + String.join(", ", indexing.registry().kinds().keySet())
                        + " (GET /api/admin/connectors lists their settings)"));
        Duration interval = interval(input.interval(), before.map(StoredSource::interval).orElse(DEFAULT_INTERVAL));
        requireKnownSettings(factory, input);
        SourceDefinition definition;
        try {
            definition = store.definition(id, kind, input.settings(), input.secrets());
        } catch (SecretException e) {
            throw SourceRequestException.badRequest(e.getMessage());
        }
        for (SettingSpec spec : factory.settings()) {
            boolean present = spec.secret() ? definition.secret(spec.name()).isPresent()
                    : definition.setting(spec.name()).isPresent();
            if (spec.required() && !present) {
                throw SourceRequestException.badRequest(kind + " sources need the "
                        + (spec.secret() ? "secret" : "setting") + " '" + spec.name() + "': " + spec.description());
            }
        }
        SourceConnector connector = build(definition);
        requireDisjointFolder(id, connector);
        if (check) {
            check(connector).ifPresent(message -> {
                throw SourceRequestException.badRequest("the connection check failed: " + message
                        + " (save anyway with ?check=false)");
            });
        }
        String name = input.name() == null || input.name().isBlank()
                ? before.map(StoredSource::name).orElse(id) : input.name().strip();
        before.ifPresent(b -> requireRemovable(id));
        return store.save(id, kind, name, interval, input.settings(), input.secrets());
    }

    private SourceConnector build(SourceDefinition definition) {
        try {
            return indexing.registry().create(definition, HttpObserver.NONE);
        } catch (InvalidSourceException e) {
            throw SourceRequestException.badRequest(e.getMessage());
        }
    }

    private Optional<String> check(SourceDefinition definition) {
        return check(build(definition));
    }

    private static Optional<String> check(SourceConnector connector) {
        if (!(connector instanceof ConnectionCheck check)) {
            return Optional.empty();
        }
        try {
            check.check();
            return Optional.empty();
        } catch (SourceCheckException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the connection");
        }
    }

    private static void requireKnownSettings(ConnectorFactory factory, SourceInput input) {
        Map<String, SettingSpec> specs = new TreeMap<>();
        factory.settings().forEach(s -> specs.put(s.name(), s));
        input.settings().keySet().forEach(name -> {
            SettingSpec spec = specs.get(name);
            if (spec == null || spec.secret()) {
                throw SourceRequestException.badRequest(spec == null
                        ? "unknown setting '" + name + "' for " + factory.kind() + " sources; they read: "
                                + String.join(", ", specs.keySet())
                        : "'" + name + "' is a secret: give it under \"secrets\", not \"settings\"");
            }
        });
        input.secrets().keySet().forEach(name -> {
            SettingSpec spec = specs.get(name);
            if (spec == null || !spec.secret()) {
                throw SourceRequestException.badRequest("'" + name + "' is not a secret of " + factory.kind()
                        + " sources" + (spec == null ? "" : "; give it under \"settings\""));
            }
        });
    }

    private static Duration interval(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Duration interval = Duration.parse(text.strip());
            SyncScheduler.requirePositive(interval, "'interval'");
            return interval;
        } catch (DateTimeParseException e) {
            throw SourceRequestException.badRequest("'interval' must be an ISO-8601 duration such as PT15M or PT1H, "
                    + "was '" + text + "'");
        } catch (IllegalArgumentException e) {
            throw SourceRequestException.badRequest(e.getMessage());
        }
    }

    /** A folder source must not overlap a configured folder or another stored one: a file belongs to one source. */
    private void requireDisjointFolder(String id, SourceConnector connector) {
        if (!(connector instanceof FilesystemSource)) {
            return;
        }
        List<Path> roots = new ArrayList<>();
        indexing.configuredSources().forEach(s -> roots.add(s.root()));
        for (StoredSource other : store.list()) {
            if (!other.id().equals(id) && other.kind().equals(connector.kind())) {
                roots.add(Path.of(other.settings().get("root")));
            }
        }
        roots.add(Path.of(((FilesystemSource) connector).connector().id().substring("fs:".length())));
        try {
            ConfiguredConnectors.requireDisjoint(roots);
        } catch (IllegalArgumentException e) {
            throw SourceRequestException.badRequest(e.getMessage());
        }
    }

    private void requireRemovable(String id) {
        if (indexing.unschedule(id).filter(removed -> !removed).isPresent()) {
            throw SourceRequestException.conflict("source " + id + " is syncing now; ask again when it has "
                    + "finished (GET /api/admin/sources/" + id + ")");
        }
    }

    private StoredSource stored(String id) {
        Optional<StoredSource> source = store.find(id);
        if (source.isEmpty()) {
            throw indexing.isConfigured(id) ? SourceRequestException.badRequest("source " + id + " comes from the "
                    + "configuration (--fs, sextant.fs.roots or demo mode); change it there")
                    : SourceRequestException.notFound(id);
        }
        return source.get();
    }

    private static SourceView view(SourceStatus status, StoredSource stored) {
        if (stored == null) {
            return SourceView.of(status, status.id(), Map.of(), Map.of());
        }
        Map<String, SourceView.SecretState> secrets = new TreeMap<>();
        stored.secretNames().forEach(n -> secrets.put(n, new SourceView.SecretState(true)));
        return SourceView.of(status, stored.name(), new TreeMap<>(stored.settings()), secrets);
    }
}
