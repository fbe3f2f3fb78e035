package dev.sextant.bench;

import dev.sextant.acl.Acl;
import dev.sextant.connectors.Connector;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A BEIR {@code corpus.jsonl} as a source, so that evaluation indexes through the same {@link Connector} →
 * indexer path as production. Every document is public; its id is the corpus {@code _id} (what qrels name),
 * its URL {@code beir:<id>}, its title the corpus title or the id when blank, its version a hash of title
 * and text. BEIR has no dates: {@code updated} is the epoch. Incremental like any connector: unchanged
 * documents are not re-read into the index, documents gone from the file are deleted.
 */
public final class BeirCorpusConnector implements Connector {

    public static final String SOURCE = "beir";

    private final String datasetName;
    private final Path corpus;
    private final int maxDocs;

    /** {@code maxDocs}: index only the first N documents of the file ({@link Integer#MAX_VALUE} for all). */
    public BeirCorpusConnector(String datasetName, Path corpus, int maxDocs) {
        if (maxDocs < 1) {
            throw new IllegalArgumentException("maxDocs must be positive, got " + maxDocs);
        }
        this.datasetName = datasetName;
        this.corpus = corpus;
        this.maxDocs = maxDocs;
    }

    @Override
    public String id() {
        return "beir:" + datasetName;
    }

    @Override
    public void sync(SyncSession session) throws IOException, InterruptedException {
        Map<String, String> known = session.knownVersions();
        session.discovered(BeirCorpus.read(corpus, maxDocs, doc -> { }));
        Set<String> seen = new HashSet<>();
        BeirCorpus.read(corpus, maxDocs, doc -> {
            if (Thread.interrupted()) {
                throw new InterruptedException("sync of " + id() + " interrupted");
            }
            SourceDocument source = toSource(doc);
            seen.add(source.id());
            if (source.version().equals(known.get(source.id()))) {
                session.unchanged(source.id());
            } else {
                session.upsert(source);
            }
        });
        for (String id : known.keySet()) {
            if (!seen.contains(id)) {
                session.delete(id);
            }
        }
    }

    static SourceDocument toSource(BeirCorpus.Doc doc) {
        String title = doc.title().isBlank() ? doc.id() : doc.title();
        return new SourceDocument(doc.id(), SOURCE, title, doc.text(), "beir:" + doc.id(), Instant.EPOCH,
                Acl.PUBLIC, contentHash(title, doc.text()));
    }

    private static String contentHash(String title, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(title.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
