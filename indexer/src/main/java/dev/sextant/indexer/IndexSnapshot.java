package dev.sextant.indexer;

import dev.sextant.acl.Principals;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One search's view of a {@link ChunkIndex}. Every search takes the reader and applies its access filter
 * inside the engine's query (never to a top-k afterwards), and lexical scores use collection statistics over
 * the chunks that reader may read, so that a score says nothing about chunks the reader cannot see.
 */
public interface IndexSnapshot extends AutoCloseable {

    /**
     * BM25 over title, headings and passage text.
     *
     * @param query words, {@code "phrases"}, {@code +must}, {@code -not}, {@code prefix*} and {@code (groups)}, the
     *              syntax of Lucene's SimpleQueryParser and OpenSearch's {@code simple_query_string}
     * @return the documents of the best {@code depth} chunk hits, each by its best chunk, best first
     */
    List<ChunkHit> lexical(String query, Principals reader, int depth) throws IOException;

    /**
     * The documents of the {@code k} nearest chunks the reader may read, by their nearest chunk, most similar
     * first, scored by cosine similarity.
     */
    List<ChunkHit> vector(float[] vector, Principals reader, int k) throws IOException;

    /**
     * The passages of these chunks with a snippet highlighted for {@code query}, keyed by chunk id; a chunk
     * this snapshot does not hold is absent.
     */
    Map<String, Passage> fetch(Collection<String> chunkIds, String query) throws IOException;

    @Override
    void close() throws IOException;
}
