package dev.sextant.indexer;

import dev.sextant.connectors.SourceDocument;

/** A chunk ready to be written: its document, position, text, content hash and vector. */
public record IndexedChunk(String connectorId, SourceDocument document, int ordinal, ChunkText text,
                           String contentHash, float[] vector) {
}
