package dev.sextant.indexer;

/**
 * A chunk a search found: what ranking and the access re-check need, nothing that is shown.
 *
 * @param aclText the document's ACL as stored with the chunk ({@link dev.sextant.acl.AclFormat})
 */
public record ChunkHit(String docId, String chunkId, String aclText, float score) {
}
