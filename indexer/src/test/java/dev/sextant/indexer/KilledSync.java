package dev.sextant.indexer;

import dev.sextant.indexer.lucene.LuceneIndex;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link IndexerContractTest}'s kill test: syncs the test corpus slowly, committing every five
 * documents and printing how far it got, until the test kills it with SIGKILL.
 */
public final class KilledSync {

    private KilledSync() {
    }

    public static void main(String[] args) throws Exception {
        HashEmbedder slow = new HashEmbedder(40);
        LuceneIndex index = LuceneIndex.open(Path.of(args[0]), IndexProfile.of(slow, HeadingAwareChunker.defaults()));
        Indexer indexer = new Indexer(index, HeadingAwareChunker.defaults(), slow,
                new IndexerOptions(4, 5, Duration.ofSeconds(3)));
        int[] last = {-1};
        indexer.sync(IndexerContractTest.corpus(), p -> {
            if (p.processed() != last[0]) {
                last[0] = p.processed();
                System.out.println("processed " + p.processed());
                System.out.flush();
            }
        });
        System.out.println("finished without being killed");
    }
}
