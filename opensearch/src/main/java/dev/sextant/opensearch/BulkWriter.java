package dev.sextant.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.indexer.lucene.IndexSchema;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Buffers chunk writes and sends them as bulk requests, one at a time and in order, so that two writes of
 * the same document can never overtake each other (a retried request is sent again before anything after it).
 * Back-pressure has two sides: the buffer is bounded (a write that fills it waits for the request that
 * empties it), and a request or item the cluster refuses with 429 (or 503, while a lost node's shards move) is
 * sent again after an exponential pause.
 *
 * <p>Replacing a document writes its chunks under ids {@code doc#0..n-1}; the chunks of an earlier, longer
 * version ({@code doc#n..}) are deleted in the same request. How many there were is read from the stored
 * chunk count of {@code doc#0}, in real time, just before the request is sent.
 */
final class BulkWriter {

    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MS = 100;

    private sealed interface Op permits Put, Trim, Patch {
    }

    private record Put(String id, ObjectNode source) implements Op {
    }

    /** Deletes the document's chunks from ordinal {@code keep} on. */
    private record Trim(String docId, int keep) implements Op {
    }

    private record Patch(String id, ObjectNode fields) implements Op {
    }

    private final OpenSearchHttp http;
    private final String index;
    private final int maxOps;
    private final List<Op> ops = new ArrayList<>();

    BulkWriter(OpenSearchHttp http, String index, int maxOps) {
        this.http = http;
        this.index = index;
        this.maxOps = maxOps;
    }

    synchronized void replace(String docId, List<ObjectNode> chunks) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            ops.add(new Put(IndexSchema.chunkId(docId, i), chunks.get(i)));
        }
        ops.add(new Trim(docId, chunks.size()));
        flushIfFull();
    }

    synchronized void patch(String chunkId, ObjectNode fields) throws IOException {
        ops.add(new Patch(chunkId, fields));
        flushIfFull();
    }

    private void flushIfFull() throws IOException {
        if (ops.size() >= maxOps) {
            flush();
        }
    }

    /** Sends everything buffered and returns once the cluster acknowledged every item. */
    synchronized void flush() throws IOException {
        if (ops.isEmpty()) {
            return;
        }
        Map<String, Integer> stored = storedChunkCounts();
        StringBuilder ndjson = new StringBuilder();
        Map<String, Integer> written = new HashMap<>();
        int items = 0;
        for (Op op : ops) {
            switch (op) {
                case Put put -> {
                    line(ndjson, action("index", put.id()), put.source());
                    items++;
                }
                case Patch patch -> {
                    ObjectNode doc = OpenSearchHttp.object();
                    doc.set("doc", patch.fields());
                    line(ndjson, action("update", patch.id()), doc);
                    items++;
                }
                case Trim trim -> {
                    int before = written.getOrDefault(trim.docId(), stored.getOrDefault(trim.docId(), 0));
                    for (int i = trim.keep(); i < before; i++) {
                        line(ndjson, action("delete", IndexSchema.chunkId(trim.docId(), i)), null);
                        items++;
                    }
                    written.put(trim.docId(), trim.keep());
                }
            }
        }
        ops.clear();
        if (items > 0) {
            send(ndjson.toString());
        }
    }

    /** Drops what was buffered and not sent: what a crash would lose, which the connector's next sync writes again. */
    synchronized void discard() {
        ops.clear();
    }

    private Map<String, Integer> storedChunkCounts() throws IOException {
        Set<String> docIds = new LinkedHashSet<>();
        for (Op op : ops) {
            if (op instanceof Trim trim) {
                docIds.add(trim.docId());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        if (docIds.isEmpty()) {
            return counts;
        }
        ObjectNode body = OpenSearchHttp.object();
        var ids = body.putArray("ids");
        docIds.forEach(d -> ids.add(IndexSchema.chunkId(d, 0)));
        JsonNode response = http.send("POST", "/" + index + "/_mget",
                Map.of("realtime", "true", "_source_includes", IndexSchema.DOC_ID + "," + ChunkSource.CHUNK_COUNT), body);
        for (JsonNode doc : response.path("docs")) {
            if (doc.path("found").asBoolean(false)) {
                JsonNode source = doc.path("_source");
                counts.put(source.path(IndexSchema.DOC_ID).asText(), source.path(ChunkSource.CHUNK_COUNT).asInt(1));
            }
        }
        return counts;
    }

    private ObjectNode action(String type, String id) {
        ObjectNode action = OpenSearchHttp.object();
        action.putObject(type).put("_index", index).put("_id", id);
        return action;
    }

    private static void line(StringBuilder ndjson, ObjectNode action, ObjectNode source) throws JsonProcessingException {
        ndjson.append(OpenSearchHttp.JSON.writeValueAsString(action)).append('\n');
        if (source != null) {
            ndjson.append(OpenSearchHttp.JSON.writeValueAsString(source)).append('\n');
        }
    }

    /**
     * Sends the request until every item succeeded, sending again after a pause only the items refused with
     * 429 or 503 (all of them when the whole request was). Any other failed item fails the flush.
     */
    private void send(String ndjson) throws IOException {
        String pending = ndjson;
        long pause = FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            JsonNode response;
            try {
                response = http.bulk(pending, Map.of());
            } catch (OpenSearchException e) {
                if (!retryable(e.status()) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                pause = sleep(pause);
                continue;
            }
            if (!response.path("errors").asBoolean(false)) {
                return;
            }
            String[] lines = pending.split("\n");
            StringBuilder retry = new StringBuilder();
            int line = 0;
            for (JsonNode item : response.path("items")) {
                JsonNode result = item.elements().next();
                String type = item.fieldNames().next();
                int width = "delete".equals(type) ? 1 : 2;
                int status = result.path("status").asInt();
                boolean missingDelete = "delete".equals(type) && status == 404;
                if (retryable(status)) {
                    for (int i = 0; i < width; i++) {
                        retry.append(lines[line + i]).append('\n');
                    }
                } else if (status >= 300 && !missingDelete) {
                    throw new OpenSearchException(status, "bulk " + type + " of " + result.path("_id").asText()
                            + " in " + index + " failed: " + result.path("error").path("type").asText() + ": "
                            + result.path("error").path("reason").asText());
                }
                line += width;
            }
            if (retry.isEmpty()) {
                return;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new OpenSearchException(429, "the cluster kept refusing bulk items (429 or 503) after "
                        + MAX_ATTEMPTS + " attempts");
            }
            pending = retry.toString();
            pause = sleep(pause);
        }
    }

    /** 429: the cluster sheds load; 503: a shard has no primary for a moment, as when a node is lost and a replica is promoted. */
    private static boolean retryable(int status) {
        return status == 429 || status == 503;
    }

    private static long sleep(long pause) throws InterruptedIOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the cluster was shedding load");
        }
        return Math.min(pause * 2, 5_000);
    }
}
