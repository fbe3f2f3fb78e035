package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.lucene.IndexSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The chunk index on an OpenSearch cluster: one OpenSearch document per chunk, id {@code doc#ordinal},
 * laid out by {@code opensearch/chunks-template.json} (the same fields, analysis and ACL clause fields as the
 * embedded index), written through a {@link BulkWriter} and searched through {@link OpenSearchSnapshot}s.
 *
 * <p>Checkpoints live in a second index, {@code <prefix>-checkpoints}, one document per connector. A commit
 * sends every buffered write and waits until the cluster acknowledged each item (with the template's
 * {@code translog.durability: request} an acknowledged write is on disk on every active copy) and refreshes,
 * and only then writes the checkpoint: it is never durable ahead of its documents. Unlike the embedded index,
 * writes sent before a commit (by {@link #refresh()} or a full buffer) are durable too; they are what the
 * connector's next sync from the last checkpoint writes again, to the same ids, so nothing is duplicated.
 *
 * <p>The index records the layout and {@link IndexProfile} in its mapping's {@code _meta}; opened with another,
 * both indexes are deleted and made again, so that every source is read again.
 */
public final class OpenSearchIndex implements ChunkIndex {

    private static final String TEMPLATE = "opensearch/chunks-template.json";
    private static final int BULK_OPS = 500;
    private static final int PAGE = 10_000;

    private final OpenSearchSettings settings;
    private final OpenSearchHttp http;
    private final BulkWriter writer;
    private final String chunks;
    private final String checkpoints;
    private final String rebuiltBecause;

    private OpenSearchIndex(OpenSearchSettings settings, OpenSearchHttp http, String rebuiltBecause) {
        this.settings = settings;
        this.http = http;
        this.chunks = settings.chunkIndex();
        this.checkpoints = settings.checkpointIndex();
        this.writer = new BulkWriter(http, chunks, BULK_OPS);
        this.rebuiltBecause = rebuiltBecause;
    }

    /**
     * Opens the index on the cluster, creating it (and its template) when absent, for chunks made with
     * {@code profile} and vectors of {@code dimension}. An index of another layout, profile or dimension is
     * deleted and made again, checkpoints included.
     */
    public static OpenSearchIndex open(OpenSearchSettings settings, IndexProfile profile, int dimension) throws IOException {
        OpenSearchHttp http = new OpenSearchHttp(settings);
        try {
            ObjectNode template = IndexTemplate.load(TEMPLATE, settings, profile, dimension);
            String mismatch = IndexTemplate.mismatch(http, settings.chunkIndex(), template);
            if (mismatch != null) {
                deleteIndexes(http, settings);
            }
            http.send("PUT", "/_index_template/" + settings.chunkIndex(), Map.of(), template);
            if (!http.exists("/" + settings.chunkIndex())) {
                http.send("PUT", "/" + settings.chunkIndex(), Map.of("wait_for_active_shards", "1"), null);
            }
            if (!http.exists("/" + settings.checkpointIndex())) {
                http.send("PUT", "/" + settings.checkpointIndex(), Map.of("wait_for_active_shards", "1"),
                        IndexTemplate.checkpointIndex(settings));
            }
            return new OpenSearchIndex(settings, http, mismatch);
        } catch (IOException | RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** Deletes both indexes and the template of these settings; for operators and tests. */
    public static void drop(OpenSearchSettings settings) throws IOException {
        try (OpenSearchHttp http = new OpenSearchHttp(settings)) {
            deleteIndexes(http, settings);
            if (http.exists("/_index_template/" + settings.chunkIndex())) {
                http.send("DELETE", "/_index_template/" + settings.chunkIndex(), Map.of(), null);
            }
        }
    }

    private static void deleteIndexes(OpenSearchHttp http, OpenSearchSettings settings) throws IOException {
        for (String index : List.of(settings.chunkIndex(), settings.checkpointIndex())) {
            if (http.exists("/" + index)) {
                http.send("DELETE", "/" + index, Map.of(), null);
            }
        }
    }

    /** Why opening emptied an existing index, which the next syncs therefore re-read; empty when it did not. */
    public Optional<String> rebuiltBecause() {
        return Optional.ofNullable(rebuiltBecause);
    }

    public OpenSearchSettings settings() {
        return settings;
    }

    @Override
    public void replace(String documentId, List<IndexedChunk> chunkList) throws IOException {
        List<ObjectNode> sources = new ArrayList<>(chunkList.size());
        for (IndexedChunk chunk : chunkList) {
            if (chunk.ordinal() != sources.size()) {
                throw new IllegalArgumentException("the chunks of " + documentId + " must come in order from 0; chunk "
                        + sources.size() + " has ordinal " + chunk.ordinal());
            }
            sources.add(ChunkSource.of(chunk, chunkList.size()));
        }
        writer.replace(documentId, sources);
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) throws IOException {
        writer.flush();
        int count = storedChunkCount(documentId);
        if (count == 0) {
            return false;
        }
        ObjectNode fields = ChunkSource.acl(acl, version);
        for (int i = 0; i < count; i++) {
            writer.patch(IndexSchema.chunkId(documentId, i), fields);
        }
        return true;
    }

    /** How many chunks the document has as written, in real time; 0 when it has none. */
    private int storedChunkCount(String documentId) throws IOException {
        JsonNode doc = http.send("GET", "/" + chunks + "/_doc/" + encode(IndexSchema.chunkId(documentId, 0)),
                Map.of("realtime", "true", "_source_includes", ChunkSource.CHUNK_COUNT), null, true);
        return doc.path("found").asBoolean(false) ? doc.path("_source").path(ChunkSource.CHUNK_COUNT).asInt(1) : 0;
    }

    @Override
    public void delete(String documentId) throws IOException {
        writer.replace(documentId, List.of());
    }

    @Override
    public synchronized int deleteConnector(String connectorId) throws IOException {
        refresh();
        int documents = knownVersions(connectorId).size();
        ObjectNode query = OpenSearchHttp.object();
        query.putObject("query").putObject("term").put(IndexSchema.CONNECTOR, connectorId);
        http.send("POST", "/" + chunks + "/_delete_by_query", Map.of("refresh", "true", "conflicts", "proceed"), query);
        http.send("DELETE", "/" + checkpoints + "/_doc/" + encode(connectorId), Map.of("refresh", "true"), null, true);
        return documents;
    }

    @Override
    public synchronized void commit(String connectorId, String checkpoint) throws IOException {
        refresh();
        if (checkpoint != null) {
            ObjectNode doc = OpenSearchHttp.object();
            doc.put("connector", connectorId).put("checkpoint", checkpoint);
            http.send("PUT", "/" + checkpoints + "/_doc/" + encode(connectorId), Map.of("refresh", "true"), doc);
        }
    }

    @Override
    public void refresh() throws IOException {
        writer.flush();
        http.send("POST", "/" + chunks + "/_refresh", Map.of(), null);
    }

    @Override
    public Optional<String> checkpoint(String connectorId) {
        try {
            JsonNode doc = http.send("GET", "/" + checkpoints + "/_doc/" + encode(connectorId), Map.of("realtime", "true"),
                    null, true);
            return doc.path("found").asBoolean(false)
                    ? Optional.of(doc.path("_source").path("checkpoint").asText()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of " + connectorId + " from " + checkpoints, e);
        }
    }

    @Override
    public Map<String, String> knownVersions(String connectorId) throws IOException {
        Map<String, String> versions = new HashMap<>();
        ObjectNode query = OpenSearchHttp.object();
        ArrayNode filter = query.putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put(IndexSchema.CONNECTOR, connectorId);
        filter.addObject().putObject("term").put(IndexSchema.CHUNK_ORDINAL, 0);
        forEachHit(query, List.of(IndexSchema.DOC_ID, IndexSchema.VERSION), s ->
                versions.put(s.path(IndexSchema.DOC_ID).asText(), s.path(IndexSchema.VERSION).asText()));
        return versions;
    }

    @Override
    public Map<String, float[]> vectorsOf(String documentId) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        ObjectNode query = OpenSearchHttp.object();
        query.putObject("term").put(IndexSchema.DOC_ID, documentId);
        forEachHit(query, List.of(IndexSchema.CONTENT_HASH, IndexSchema.VECTOR), s -> {
            JsonNode values = s.path(IndexSchema.VECTOR);
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) values.get(i).asDouble();
            }
            vectors.put(s.path(IndexSchema.CONTENT_HASH).asText(), v);
        });
        return vectors;
    }

    @Override
    public Optional<Acl> acl(String documentId) throws IOException {
        ObjectNode body = OpenSearchHttp.object();
        body.put("size", 1);
        body.putObject("query").putObject("term").put(IndexSchema.DOC_ID, documentId);
        body.putObject("_source").putArray("includes").add(IndexSchema.ACL_TEXT);
        JsonNode hits = http.send("POST", "/" + chunks + "/_search", Map.of(), body).path("hits").path("hits");
        // A chunk without an ACL is readable by nobody: parsing "" gives Acl.NONE.
        return hits.isEmpty() ? Optional.empty()
                : Optional.of(AclFormat.parseOrNone(hits.get(0).path("_source").path(IndexSchema.ACL_TEXT).asText("")));
    }

    /** Visits the {@code _source} of every chunk matching the query, as of the last refresh, in pages sorted by id. */
    private void forEachHit(ObjectNode query, List<String> fields, Consumer<JsonNode> visitor)
            throws IOException {
        JsonNode after = null;
        while (true) {
            ObjectNode body = OpenSearchHttp.object();
            body.put("size", PAGE);
            body.set("query", query);
            fields.forEach(body.putObject("_source").putArray("includes")::add);
            body.putArray("sort").add(IndexSchema.CHUNK_ID);
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = http.send("POST", "/" + chunks + "/_search", Map.of(), body).path("hits").path("hits");
            for (JsonNode hit : hits) {
                visitor.accept(hit.path("_source"));
            }
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    @Override
    public Set<String> connectorIds() throws IOException {
        ObjectNode body = OpenSearchHttp.object();
        body.put("size", 0);
        body.putObject("aggs").putObject("connectors").putObject("terms").put("field", IndexSchema.CONNECTOR)
                .put("size", PAGE);
        Set<String> ids = new TreeSet<>();
        for (JsonNode bucket : http.send("POST", "/" + chunks + "/_search", Map.of(), body)
                .path("aggregations").path("connectors").path("buckets")) {
            ids.add(bucket.path("key").asText());
        }
        return ids;
    }

    @Override
    public int chunkCount() throws IOException {
        return http.send("GET", "/" + chunks + "/_count", Map.of(), null).path("count").asInt();
    }

    @Override
    public IndexSnapshot snapshot() throws IOException {
        return new OpenSearchSnapshot(http, chunks);
    }

    /** Closes the connection; writes still buffered are dropped, as a crash would, and the next sync writes them again. */
    @Override
    public void close() throws IOException {
        writer.discard();
        http.close();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
