package dev.sextant.bench;

import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.Chunker;
import dev.sextant.indexer.Embedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedder's own speed, apart from chunking and Lucene: {@link Embedder#embedPassages} timed on batches
 * of {@value #BATCH} of the corpus's first chunk texts, contextualized exactly as the indexer embeds them.
 * Run on an embedder whose model is already loaded (and warm, having just indexed).
 */
final class EmbedThroughput {

    static final int BATCH = 32;
    static final int SAMPLE_CHUNKS = 512;

    private EmbedThroughput() {
    }

    static List<String> sampleTexts(Path corpus, int maxDocs, Chunker chunker) throws IOException, InterruptedException {
        List<String> texts = new ArrayList<>(SAMPLE_CHUNKS);
        BeirCorpus.read(corpus, maxDocs, doc -> {
            if (texts.size() >= SAMPLE_CHUNKS) {
                return;
            }
            SourceDocument d = BeirCorpusConnector.toSource(doc);
            for (ChunkText c : chunker.chunk(d.title(), d.body())) {
                if (texts.size() < SAMPLE_CHUNKS) {
                    texts.add(c.contextualized(d.title()));
                }
            }
        });
        return texts;
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
