package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.ChunkHit;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.Passage;
import dev.sextant.indexer.lucene.IndexSchema;
import dev.sextant.indexer.lucene.LuceneQueryParser;
import dev.sextant.indexer.lucene.SnippetHighlighter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One search's view of an {@link OpenSearchIndex}: a point in time (PIT) opened on the chunk index and
 * deleted on close, so that hits, reader statistics, passages and ACLs all come from the same state. The
 * access filter is inside the lexical query's {@code bool} and inside the k-NN query's {@code filter} (the
 * lucene engine's filtered search, never a post-filter). Snippets are cut here with the embedded index's
 * highlighter, so both engines show the same fragment.
 */
final class OpenSearchSnapshot implements IndexSnapshot {

    private static final String KEEP_ALIVE = "5m";
    private static final SnippetHighlighter HIGHLIGHTER = SnippetHighlighter.english();
    private static final List<String> HIT_FIELDS = List.of(IndexSchema.DOC_ID, IndexSchema.CHUNK_ORDINAL, IndexSchema.ACL_TEXT);
    private static final List<String> PASSAGE_FIELDS = List.of(IndexSchema.CHUNK_ID, IndexSchema.TITLE,
            IndexSchema.HEADING, IndexSchema.BODY, IndexSchema.URL, IndexSchema.SOURCE, IndexSchema.UPDATED,
            IndexSchema.ACL_TEXT);

    private final OpenSearchHttp http;
    private String pitId;
    private Principals filteredReader;
    private ObjectNode accessFilter;

    OpenSearchSnapshot(OpenSearchHttp http, String index) throws IOException {
        this.http = http;
        this.pitId = http.send("POST", "/" + index + "/_search/point_in_time", Map.of("keep_alive", KEEP_ALIVE), null)
                .path("pit_id").asText();
    }

    @Override
    public List<ChunkHit> lexical(String query, Principals reader, int depth) throws IOException {
        LexicalQuery lexical = new LexicalQuery(query);
        ObjectNode filter = filterFor(reader);
        ReaderStatistics stats = statistics(lexical.terms(), filter);
        if (stats.docCount() == 0 || !lexical.matchesAnything()) {
            return List.of();
        }
        ObjectNode body = searchBody(depth, HIT_FIELDS);
        body.set("query", AccessFilter.restrict(lexical.toJson(stats), filter));
        return bestPerDocument(search(body), false);
    }

    @Override
    public List<ChunkHit> vector(float[] vector, Principals reader, int k) throws IOException {
        ObjectNode body = searchBody(k, HIT_FIELDS);
        ObjectNode knn = body.putObject("query").putObject("knn").putObject(IndexSchema.VECTOR);
        ArrayNode values = knn.putArray("vector");
        for (float v : vector) {
            values.add(v);
        }
        knn.put("k", k);
        knn.set("filter", filterFor(reader));
        return bestPerDocument(search(body), true);
    }

    @Override
    public Map<String, Passage> fetch(Collection<String> chunkIds, String query) throws IOException {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        ObjectNode body = searchBody(chunkIds.size(), PASSAGE_FIELDS);
        ArrayNode ids = body.putObject("query").putObject("ids").putArray("values");
        chunkIds.forEach(ids::add);
        var highlighted = LuceneQueryParser.parse(query);
        Map<String, Passage> passages = new HashMap<>();
        for (JsonNode hit : search(body)) {
            JsonNode s = hit.path("_source");
            String text = s.path(IndexSchema.BODY).asText();
            passages.put(s.path(IndexSchema.CHUNK_ID).asText(), new Passage(s.path(IndexSchema.TITLE).asText(),
                    s.path(IndexSchema.HEADING).asText(), text, HIGHLIGHTER.snippet(highlighted, text),
                    s.path(IndexSchema.URL).asText(), s.path(IndexSchema.SOURCE).asText(),
                    Instant.ofEpochMilli(s.path(IndexSchema.UPDATED).asLong()),
                    // A chunk without an ACL is readable by nobody: parsing "" fails closed.
                    s.path(IndexSchema.ACL_TEXT).asText("")));
        }
        return passages;
    }

    /** One aggregation request: the reader's chunks with text, their total length, and each term's document frequency. */
    private ReaderStatistics statistics(Set<String> terms, ObjectNode filter) throws IOException {
        ObjectNode body = searchBody(0, List.of());
        body.put("track_total_hits", false);
        body.set("query", filter);
        ObjectNode aggs = body.putObject("aggs");
        ObjectNode withText = aggs.putObject("with_text");
        withText.putObject("filter").putObject("range").putObject(IndexSchema.CONTENT_TERMS).put("gt", 0);
        withText.putObject("aggs").putObject("length").putObject("sum").put("field", IndexSchema.CONTENT_TERMS);
        List<String> ordered = new ArrayList<>(terms);
        if (!ordered.isEmpty()) {
            ObjectNode filters = aggs.putObject("df").putObject("filters").putObject("filters");
            for (int i = 0; i < ordered.size(); i++) {
                filters.putObject("t" + i).putObject("term").put(IndexSchema.CONTENT, ordered.get(i));
            }
        }
        JsonNode result = send(body).path("aggregations");
        Map<String, Long> docFreqs = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            docFreqs.put(ordered.get(i), result.path("df").path("buckets").path("t" + i).path("doc_count").asLong());
        }
        JsonNode text = result.path("with_text");
        return new ReaderStatistics(text.path("doc_count").asLong(), Math.round(text.path("length").path("value").asDouble()),
                docFreqs);
    }

    private ObjectNode searchBody(int size, List<String> fields) {
        ObjectNode body = OpenSearchHttp.object();
        body.put("size", size);
        body.putObject("pit").put("id", pitId).put("keep_alive", KEEP_ALIVE);
        if (fields.isEmpty()) {
            body.put("_source", false);
        } else {
            ArrayNode includes = body.putObject("_source").putArray("includes");
            fields.forEach(includes::add);
        }
        return body;
    }

    private JsonNode send(ObjectNode body) throws IOException {
        JsonNode response = http.send("POST", "/_search", Map.of(), body);
        String renewed = response.path("pit_id").asText(null);
        if (renewed != null) {
            pitId = renewed;
        }
        return response;
    }

    private JsonNode search(ObjectNode body) throws IOException {
        return send(body).path("hits").path("hits");
    }

    private static List<ChunkHit> bestPerDocument(JsonNode hits, boolean knn) {
        List<ChunkHit> best = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode hit : hits) {
            JsonNode s = hit.path("_source");
            String docId = s.path(IndexSchema.DOC_ID).asText();
            if (seen.add(docId)) {
                float score = (float) hit.path("_score").asDouble();
                // The lucene engine scores cosine as (1 + cosine) / 2; the port speaks cosine.
                best.add(new ChunkHit(docId, IndexSchema.chunkId(docId, s.path(IndexSchema.CHUNK_ORDINAL).asInt()),
                        s.path(IndexSchema.ACL_TEXT).asText(""), knn ? 2 * score - 1 : score));
            }
        }
        return best;
    }

    private ObjectNode filterFor(Principals reader) {
        if (!reader.equals(filteredReader)) {
            filteredReader = reader;
            accessFilter = AccessFilter.of(reader);
        }
        return accessFilter;
    }

    @Override
    public void close() throws IOException {
        ObjectNode body = OpenSearchHttp.object();
        body.putArray("pit_id").add(pitId);
        http.send("DELETE", "/_search/point_in_time", Map.of(), body);
    }
}
