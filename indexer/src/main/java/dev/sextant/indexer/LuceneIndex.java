package dev.sextant.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The chunk index on local disk: one writer, near-real-time searchers, and connector checkpoints kept in
 * the commit's user data so that a checkpoint is durable exactly when the documents it covers are.
 */
public final class LuceneIndex implements Closeable {

    private static final String CHECKPOINT_PREFIX = "checkpoint:";
    private static final String SCHEMA_KEY = "schema";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> checkpoints = new HashMap<>();
    private final boolean rebuilt;

    private LuceneIndex(Directory directory) throws IOException {
        this.directory = directory;
        boolean exists = DirectoryReader.indexExists(directory);
        Map<String, String> committed = exists ? committedUserData(directory) : Map.of();
        this.rebuilt = exists && !IndexSchema.VERSION_ID.equals(committed.get(SCHEMA_KEY));
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(rebuilt ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(IndexSchema.similarity())
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        if (!rebuilt) {
            committed.forEach((k, v) -> {
                if (k.startsWith(CHECKPOINT_PREFIX)) {
                    checkpoints.put(k.substring(CHECKPOINT_PREFIX.length()), v);
                }
            });
        }
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(IndexSchema.similarity());
                return searcher;
            }
        });
    }

    private static Map<String, String> committedUserData(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    /**
     * Opens (or creates) the index in {@code dir}. An index written with another {@link IndexSchema#VERSION_ID}
     * is emptied, checkpoints included, so that every connector's next sync rebuilds it from its source.
     */
    public static LuceneIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new LuceneIndex(FSDirectory.open(dir));
    }

    public static LuceneIndex open(Directory directory) throws IOException {
        return new LuceneIndex(directory);
    }

    /** Whether opening found an index of an older schema and emptied it: the next syncs re-read everything. */
    public boolean rebuilt() {
        return rebuilt;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    /** Replaces every chunk of the document with these (an empty list deletes the document). */
    public void replace(String documentId, List<IndexedChunk> chunks) throws IOException {
        List<Document> docs = chunks.stream().map(IndexSchema::chunkDocument).toList();
        writer.updateDocuments(new Term(IndexSchema.DOC_ID, documentId), docs);
    }

    public void delete(String documentId) throws IOException {
        writer.deleteDocuments(new Term(IndexSchema.DOC_ID, documentId));
    }

    /** Removes every document of the connector and its checkpoint; committed. Returns how many documents went. */
    public synchronized int deleteConnector(String connectorId) throws IOException {
        int documents = knownVersions(connectorId).size();
        writer.deleteDocuments(new Term(IndexSchema.CONNECTOR, connectorId));
        checkpoints.remove(connectorId);
        commit(connectorId, null);
        return documents;
    }

    /** The connectors that have documents in the index, as searchers see it. */
    public Set<String> connectorIds() throws IOException {
        Set<String> ids = new java.util.TreeSet<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var terms = leaf.reader().terms(IndexSchema.CONNECTOR);
                if (terms == null) {
                    continue;
                }
                var it = terms.iterator();
                for (var term = it.next(); term != null; term = it.next()) {
                    if (it.docFreq() > 0) {
                        ids.add(term.utf8ToString());
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return ids;
    }

    public synchronized Optional<String> checkpoint(String connectorId) {
        return Optional.ofNullable(checkpoints.get(connectorId));
    }

    /** Makes everything written so far durable, together with the connector's checkpoint if given. */
    public synchronized void commit(String connectorId, String checkpoint) throws IOException {
        if (checkpoint != null) {
            checkpoints.put(connectorId, checkpoint);
        }
        Map<String, String> userData = new HashMap<>();
        userData.put(SCHEMA_KEY, IndexSchema.VERSION_ID);
        checkpoints.forEach((k, v) -> userData.put(CHECKPOINT_PREFIX + k, v));
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Makes what was written visible to searchers without the cost of a durable commit. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Document id to version for every document the connector has indexed, as searchers see it. */
    public Map<String, String> knownVersions(String connectorId) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.CONNECTOR, connectorId)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.FIRST_CHUNK, "true")), BooleanClause.Occur.FILTER)
                .build();
        Map<String, String> versions = new HashMap<>();
        forEachMatch(q, (leaf, doc) -> {
            Document d = leaf.reader().storedFields().document(doc, Set.of(IndexSchema.DOC_ID, IndexSchema.VERSION));
            versions.put(d.get(IndexSchema.DOC_ID), d.get(IndexSchema.VERSION));
        });
        return versions;
    }

    /** Content hash to vector for the document's chunks as indexed now: what a re-index can reuse. */
    public Map<String, float[]> vectorsOf(String documentId) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        forEachMatch(new TermQuery(new Term(IndexSchema.DOC_ID, documentId)), (leaf, doc) -> {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
            if (values == null) {
                return;
            }
            KnnVectorValues.DocIndexIterator it = values.iterator();
            if (it.advance(doc) == doc) {
                String hash = leaf.reader().storedFields().document(doc, Set.of(IndexSchema.CONTENT_HASH))
                        .get(IndexSchema.CONTENT_HASH);
                vectors.put(hash, values.vectorValue(it.index()).clone());
            }
        });
        return vectors;
    }

    /** Number of live chunks. */
    public int chunkCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    private interface MatchVisitor {
        void visit(LeafReaderContext leaf, int doc) throws IOException;
    }

    private void forEachMatch(Query query, MatchVisitor visitor) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                var live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        visitor.visit(leaf, doc);
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closes in reverse order: searchers, writer (without committing), directory
        }
    }
}
