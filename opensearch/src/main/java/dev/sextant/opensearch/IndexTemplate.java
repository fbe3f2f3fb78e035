package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.indexer.IndexProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The chunk index's template, read from {@code config/src/main/resources/opensearch/chunks-template.json}
 * (on the classpath as {@code opensearch/chunks-template.json}) and fitted to one deployment: its index name,
 * shards, replicas and vector dimension, and a {@code _meta} naming the layout and the profile the chunks were
 * made with, which {@link #mismatch} compares with an existing index.
 */
final class IndexTemplate {

    private IndexTemplate() {
    }

    static ObjectNode load(String resource, OpenSearchSettings settings, IndexProfile profile, int dimension)
            throws IOException {
        ObjectNode template;
        try (InputStream in = IndexTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the index template " + resource + " is not on the classpath");
            }
            template = (ObjectNode) OpenSearchHttp.JSON.readTree(in);
        }
        template.putArray("index_patterns").add(settings.chunkIndex());
        ObjectNode index = (ObjectNode) template.path("template").path("settings").path("index");
        index.put("number_of_shards", settings.shards());
        index.put("number_of_replicas", settings.replicas());
        ObjectNode mappings = (ObjectNode) template.path("template").path("mappings");
        ((ObjectNode) mappings.path("properties").path("vector")).put("dimension", dimension);
        ObjectNode meta = (ObjectNode) mappings.path("_meta");
        meta.put("embedder", profile.embedder());
        meta.put("chunker", profile.chunker());
        meta.put("dimension", dimension);
        return template;
    }

    /** Why the existing index cannot take chunks made for this template, or null when it can (or does not exist). */
    static String mismatch(OpenSearchHttp http, String index, ObjectNode template) throws IOException {
        if (!http.exists("/" + index)) {
            return null;
        }
        JsonNode existing = http.send("GET", "/" + index + "/_mapping", Map.of(), null).path(index).path("mappings")
                .path("_meta");
        JsonNode wanted = template.path("template").path("mappings").path("_meta");
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) wanted::fields) {
            JsonNode has = existing.path(field.getKey());
            if (!has.asText().equals(field.getValue().asText())) {
                return "its " + field.getKey() + " is " + (has.isMissingNode() ? "not recorded" : has.asText())
                        + ", this version writes " + field.getValue().asText();
            }
        }
        return null;
    }

    /** The checkpoint index: one small document per connector, on one shard. */
    static ObjectNode checkpointIndex(OpenSearchSettings settings) {
        ObjectNode body = OpenSearchHttp.object();
        body.putObject("settings").putObject("index").put("number_of_shards", 1)
                .put("number_of_replicas", settings.replicas()).put("translog.durability", "request");
        ObjectNode mappings = body.putObject("mappings");
        mappings.put("dynamic", "strict");
        ObjectNode properties = mappings.putObject("properties");
        properties.putObject("connector").put("type", "keyword");
        properties.putObject("checkpoint").put("type", "keyword").put("index", false).put("doc_values", false);
        return body;
    }
}
