package dev.sextant.bench.jmh;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.lucene.AclFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ACL filter that goes inside every query: building it for a reader of 1, 100 or 5,000 principals
 * (a person in many groups, as synced from large organisations), and evaluating it over an index of
 * {@value #CHUNKS} chunks whose ACLs are drawn from {@value #GROUPS} groups, as the schema writes them
 * ({@code acl_0} a principal list, the other clauses the anyone-sentinel, one document in eight with a
 * second clause).
 */
public class AclFilterBenchmark extends HotPathBenchmark {

    static final int CHUNKS = 100_000;
    static final int GROUPS = 10_000;

    @Param({"1", "100", "5000"})
    public int principals;

    private Principals reader;
    private IndexSearcher searcher;
    private Query filter;
    private DirectoryReader index;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        List<Principal> p = new ArrayList<>(principals);
        p.add(Principal.PUBLIC);
        for (int i = 1; i < principals; i++) {
            p.add(Principal.group("drive", "g" + random.nextInt(GROUPS)));
        }
        reader = Principals.of(p);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int i = 0; i < CHUNKS; i++) {
                w.addDocument(chunkAcl(random));
            }
        }
        index = DirectoryReader.open(dir);
        searcher = new IndexSearcher(index);
        searcher.setQueryCache(null); // measure the filter, not Lucene's cache of it
        filter = AclFilter.of(reader);
    }

    private static Document chunkAcl(SplittableRandom random) {
        Document d = new Document();
        int readers = 1 + random.nextInt(4);
        for (int r = 0; r < readers; r++) {
            d.add(new StringField("acl_0", random.nextInt(20) == 0 ? "public" : "group:drive:g" + random.nextInt(GROUPS),
                    Field.Store.NO));
        }
        boolean restricted = random.nextInt(8) == 0;
        d.add(new StringField("acl_1", restricted ? "group:drive:g" + random.nextInt(GROUPS) : "*", Field.Store.NO));
        for (int c = 2; c < 8; c++) {
            d.add(new StringField("acl_" + c, "*", Field.Store.NO));
        }
        return d;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        index.close();
    }

    @Benchmark
    public Query build() {
        return AclFilter.of(reader);
    }

    @Benchmark
    public int evaluate() throws IOException {
        return searcher.count(filter);
    }

    @Benchmark
    public int buildAndEvaluate() throws IOException {
        return searcher.count(AclFilter.of(reader));
    }
}
