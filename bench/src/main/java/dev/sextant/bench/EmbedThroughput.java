package dev.sextant.bench;

import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import dev.sextant.indexer.IndexerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedder's own speed, apart from chunking and Lucene: {@link Embedder#embedPassages} timed on batches
 * of the indexer's size, over chunk texts sampled across the corpus and contextualized as the indexer embeds
 * them.
 * Run on an embedder whose model is already loaded (and warm, having just indexed).
 */
final class EmbedThroughput {

    static final int BATCH = IndexerOptions.defaults().embedBatchSize();
    static final int SAMPLE_CHUNKS = 512;

    private EmbedThroughput() {
    }

    /**
     * Every n-th chunk text of the corpus, n chosen so that about {@value #SAMPLE_CHUNKS} are taken: a sample
     * spread over the whole corpus, so that its length mix is the corpus's rather than its first documents'.
     */
    static List<String> sampleTexts(Path corpus, int maxDocs, Chunker chunker) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        BeirCorpus.read(corpus, maxDocs, doc -> {
            SourceDocument d = BeirCorpusConnector.toSource(doc);
            for (ChunkText c : chunker.chunk(d.title(), d.body())) {
                all.add(c.contextualized(d.title()));
            }
        });
        int stride = Math.max(1, all.size() / SAMPLE_CHUNKS);
        List<String> sample = new ArrayList<>(SAMPLE_CHUNKS);
        for (int i = 0; i < all.size() && sample.size() < SAMPLE_CHUNKS; i += stride) {
            sample.add(all.get(i));
        }
        return sample;
    }

    /** Chunks per second over all batches; 0 when there is nothing to embed. */
    static double chunksPerSecond(Embedder embedder, List<String> texts) {
        if (texts.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
            embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + BATCH)));
        }
        return texts.size() / ((System.nanoTime() - start) / 1e9);
    }
}
