package dev.sextant.indexer.lucene;

import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.TestProfile;
import dev.sextant.indexer.ChunkIndexContractTest;
import java.io.IOException;
import java.nio.file.Path;

class LuceneIndexContractTest extends ChunkIndexContractTest {

    @Override
    protected ChunkIndex open(Path dir) throws IOException {
        return LuceneIndex.open(dir, TestProfile.PROFILE);
    }
}
