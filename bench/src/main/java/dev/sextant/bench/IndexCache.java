package dev.sextant.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.lucene.IndexSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Built evaluation indexes on disk, one folder per key: {@code <root>/<key>/index} (Lucene) and
 * {@code <root>/<key>/stats.json}. The key is a SHA-256 over everything the index depends on: the corpus
 * file's content, how many of its documents were taken, the embedder's model id, the chunker's settings and
 * a fingerprint of its output, and {@link #SCHEMA_VERSION}. A build goes to a temporary folder that is
 * renamed into place only once complete, so an interrupted build is never mistaken for a cached one.
 */
final class IndexCache {

    /** Bump when the index layout or anything else that changes a built index (analyzer, fields) changes. */
    static final String SCHEMA_VERSION = "sextant-eval-index-" + IndexSchema.VERSION_ID;

    private static final String STATS = "stats.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    IndexCache(Path root) {
        this.root = root;
    }

    static String key(String corpusSha256, int maxDocs, String modelId, String chunkerSettings) {
        return sha256Hex(String.join("\n", corpusSha256, "max-docs=" + maxDocs, modelId, chunkerSettings,
                SCHEMA_VERSION));
    }

    /** Describes a chunker by its settings and by its {@link Chunker#fingerprint()}. */
    static String chunkerSettings(String settings, Chunker chunker) {
        return settings + " output=" + chunker.fingerprint().substring(0, 16);
    }

    Path folder(String key) {
        return root.resolve(key);
    }

    Path indexDir(String key) {
        return folder(key).resolve("index");
    }

    /** The stats of a complete cached build under this key, if there is one. */
    Optional<IndexStats> lookup(String key) throws IOException {
        Path stats = folder(key).resolve(STATS);
        if (!Files.isRegularFile(stats) || !Files.isDirectory(indexDir(key))) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(stats.toFile(), IndexStats.class));
    }

    /** A fresh folder to build in; pass it to {@link #publish} when the build is complete. */
    Path startBuild(String key) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, key.substring(0, 16) + ".building-");
    }

    /** Writes the stats beside the built index and moves the folder into place under its key. */
    void publish(Path building, IndexStats stats) throws IOException {
        JSON.writeValue(building.resolve(STATS).toFile(), stats);
        Path target = folder(stats.key());
        if (Files.exists(target)) {
            deleteTree(target); // an incomplete leftover: lookup() found no stats in it
        }
        try {
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(building, target);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String sha256Hex(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
