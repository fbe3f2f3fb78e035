package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.lucene.IndexSchema;

/**
 * The JSON source of one chunk, field for field what {@link IndexSchema} writes into the embedded index: the
 * same names, ACL clause {@code i} in keyword field {@code acl_i}, {@link IndexSchema#ACL_ANYONE} for the
 * clauses a document does not have, and no {@code acl_0} value at all for an unknown ACL, which no filter
 * matches. Everything is in {@code _source}, vector included, so that an ACL-only update keeps text and vectors.
 */
final class ChunkSource {

    static final String CHUNK_COUNT = "chunk_count";

    private ChunkSource() {
    }

    static ObjectNode of(IndexedChunk chunk, int chunkCount) {
        var doc = chunk.document();
        ObjectNode s = OpenSearchHttp.object();
        s.put(IndexSchema.CHUNK_ID, IndexSchema.chunkId(doc.id(), chunk.ordinal()));
        s.put(IndexSchema.DOC_ID, doc.id());
        s.put(IndexSchema.CONNECTOR, chunk.connectorId());
        s.put(IndexSchema.SOURCE, doc.source());
        s.put(IndexSchema.TITLE, doc.title());
        s.put(IndexSchema.HEADING, chunk.text().heading());
        s.put(IndexSchema.BODY, chunk.text().text());
        String content = chunk.text().contextualized(doc.title());
        s.put(IndexSchema.CONTENT, content);
        s.put(IndexSchema.CONTENT_TERMS, IndexSchema.termCount(content));
        s.put(IndexSchema.URL, doc.url() == null ? "" : doc.url());
        s.put(IndexSchema.UPDATED, doc.updated() == null ? 0 : doc.updated().toEpochMilli());
        s.put(IndexSchema.CHUNK_ORDINAL, chunk.ordinal());
        s.put(CHUNK_COUNT, chunkCount);
        s.put(IndexSchema.CONTENT_HASH, chunk.contentHash());
        ArrayNode vector = s.putArray(IndexSchema.VECTOR);
        for (float v : chunk.vector()) {
            vector.add(v);
        }
        s.setAll(acl(doc.acl(), doc.version()));
        return s;
    }

    /** The fields an ACL change rewrites: the ACL text, every clause field, and the document's version. */
    static ObjectNode acl(Acl acl, String version) {
        if (acl.clauses().size() > ChunkIndex.MAX_ACL_CLAUSES) {
            throw new IllegalArgumentException("an ACL of " + acl.clauses().size() + " clauses exceeds the "
                    + ChunkIndex.MAX_ACL_CLAUSES + " the index supports");
        }
        ObjectNode s = OpenSearchHttp.object();
        s.put(IndexSchema.ACL_TEXT, acl.format());
        s.put(IndexSchema.VERSION, version);
        for (int i = 0; i < ChunkIndex.MAX_ACL_CLAUSES; i++) {
            ArrayNode values = s.putArray(IndexSchema.aclField(i));
            if (i < acl.clauses().size()) {
                for (Principal p : acl.clauses().get(i).anyOf()) {
                    values.add(p.value());
                }
            } else if (!acl.isNone()) {
                values.add(IndexSchema.ACL_ANYONE);
            }
        }
        return s;
    }
}
