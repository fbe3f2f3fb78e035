package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import java.time.Duration;

/** Waits, once per test JVM, for the boot-time sync of the demo corpus. */
final class IndexedCorpus {

    private IndexedCorpus() {
    }

    static void await(IndexingService indexing) throws InterruptedException {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8)))
                .as("the demo corpus is indexed within 8 minutes").isTrue();
        assertThat(indexing.failures()).as("sync failures").isEmpty();
    }
}
