package dev.sextant.bench.jmh;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkHit;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.IndexedChunk;
import dev.sextant.indexer.lucene.AclFilter;
import dev.sextant.indexer.lucene.IndexSchema;
import dev.sextant.indexer.lucene.LuceneIndex;
import dev.sextant.indexer.lucene.LuceneQueryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What BM25 statistics over the reader's own chunks cost: one lexical search of three words (300 hits) over
 * {@value #CHUNKS} chunks of 60 words, half of them public and half finance's, through the index port, for a
 * reader who may read everything (the index's own statistics apply, after one pass of the access filter) and
 * for one who may read half (statistics counted over that half); against the same search with the index's
 * statistics, as Lucene scores it by default.
 */
public class ReaderStatisticsBenchmark extends HotPathBenchmark {

    static final int CHUNKS = 100_000;
    static final int VOCABULARY = 5_000;
    static final String QUERY = "w17 w230 w1999";
    private static final Acl FINANCE = Acl.of(AclClause.of(Principal.group("idp", "finance")));

    @Param({"everything", "half"})
    public String reads;

    private Path dir;
    private LuceneIndex index;
    private DirectoryReader plain;
    private IndexSearcher plainSearcher;
    private Principals reader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("reader-statistics");
        index = LuceneIndex.open(dir, new IndexProfile("none", "none"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < CHUNKS; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                // Zipf-like: low word numbers are common, as in text.
                text.append('w').append((int) Math.pow(VOCABULARY, random.nextDouble())).append(' ');
            }
            String id = "d" + i;
            var doc = new SourceDocument(id, "bench", "Doc " + i, "", "u", Instant.EPOCH,
                    i % 2 == 0 ? Acl.PUBLIC : FINANCE, "v1");
            index.replace(id, List.of(new IndexedChunk("bench", doc, 0, new ChunkText("", text.toString()), "h" + i,
                    new float[] {1, 0})));
        }
        index.commit("bench", null);
        plain = DirectoryReader.open(FSDirectory.open(dir));
        plainSearcher = new IndexSearcher(plain);
        plainSearcher.setSimilarity(IndexSchema.similarity());
        reader = reads.equals("everything")
                ? Principals.of(Principal.PUBLIC, Principal.group("idp", "finance"))
                : Principals.of(Principal.PUBLIC);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        plain.close();
        index.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public List<ChunkHit> readerStatistics() throws IOException {
        try (IndexSnapshot snapshot = index.snapshot()) {
            return snapshot.lexical(QUERY, reader, 300);
        }
    }

    @Benchmark
    public TopDocs indexStatistics() throws IOException {
        return plainSearcher.search(AclFilter.restrict(LuceneQueryParser.parse(QUERY), AclFilter.of(reader)), 300);
    }
}
