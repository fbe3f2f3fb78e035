package dev.sextant.opensearch;

import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ChunkIndexContractTest;
import dev.sextant.indexer.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** The index contract against a real OpenSearch cluster ({@code SEXTANT_OPENSEARCH_URL}); skipped without one. */
class OpenSearchIndexContractTest extends ChunkIndexContractTest {

    private static final OpenSearchCluster CLUSTER = new OpenSearchCluster("sextant-contract");

    @AfterAll
    static void dropIndexes() throws IOException {
        CLUSTER.dropAll();
    }

    /** Skips each test, with the reason, when no cluster is named (the base class opens the index before each). */
    @Override
    protected ChunkIndex open(Path dir) throws IOException {
        return OpenSearchIndex.open(CLUSTER.settingsFor(dir), TestProfile.PROFILE, 2);
    }

    @Override
    protected boolean refreshedWritesAreLostWithoutCommit() {
        return false;
    }
}
