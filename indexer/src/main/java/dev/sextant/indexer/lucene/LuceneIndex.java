package dev.sextant.indexer.lucene;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.IndexProfile;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.IndexedChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The chunk index on local disk: one writer, near-real-time searchers, and connector checkpoints kept in
 * the commit's user data, so that a checkpoint becomes durable in the same commit as the documents it covers
 * and never before them. What was written since the last commit is lost in a crash (and on close, which does
 * not commit), and the connector's next sync, starting from the last committed checkpoint, writes it again.
 *
 * <p>The commit also records the layout ({@link IndexSchema#VERSION_ID}) and the {@link IndexProfile} the
 * chunks were made with. Opened with another layout or chunker but the same model, the index starts empty,
 * checkpoints included, so that every source is read again, and the old index stays beside it, read-only, as
 * a {@link VectorDonor} until this index is closed: a chunk whose text is unchanged gets its vector from it
 * instead of from the model. Opened with another model, it starts empty with nothing to reuse.
 */
public final class LuceneIndex implements ChunkIndex {

    private static final String CHECKPOINT_PREFIX = "checkpoint:";
    private static final String SCHEMA_KEY = "schema";
    private static final String EMBEDDER_KEY = "embedder";
    private static final String CHUNKER_KEY = "chunker";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexProfile profile;
    private final Map<String, String> checkpoints = new HashMap<>();
    private final String rebuiltBecause;
    private final VectorDonor donor;

    private LuceneIndex(Directory directory, IndexProfile profile, String rebuiltBecause, VectorDonor donor)
            throws IOException {
        this.directory = directory;
        this.profile = profile;
        this.rebuiltBecause = rebuiltBecause;
        this.donor = donor;
        boolean rebuilt = rebuiltBecause != null;
        Map<String, String> committed = DirectoryReader.indexExists(directory) && !rebuilt
                ? committedUserData(directory) : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(rebuilt ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(IndexSchema.similarity())
                .setCommitOnClose(false)
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
     * Opens (or creates) the index in {@code dir} for chunks made with {@code profile}. An index of another
     * layout or profile starts empty, checkpoints included, so that every connector's next sync rebuilds it
     * from its source; with the same model, the old index lends its vectors until this one is closed.
     */
    public static LuceneIndex open(Path dir, IndexProfile profile) throws IOException {
        Files.createDirectories(dir);
        Path previous = dir.resolveSibling(dir.getFileName() + ".previous");
        String mismatch = mismatch(dir, profile);
        if (mismatch != null && Files.exists(previous)) {
            VectorDonor.delete(previous);
        }
        if (mismatch != null && sameModel(dir, profile)) {
            Files.move(dir, previous);
            Files.createDirectories(dir);
        }
        VectorDonor donor = Files.isDirectory(previous) ? VectorDonor.open(previous) : null;
        return new LuceneIndex(FSDirectory.open(dir), profile, mismatch, donor);
    }

    /** Why the index in {@code dir} cannot be appended to with {@code profile}, or null when it can. */
    private static String mismatch(Path dir, IndexProfile profile) throws IOException {
        Map<String, String> committed = committedUserData(dir);
        if (committed == null) {
            return null;
        }
        if (!IndexSchema.VERSION_ID.equals(committed.get(SCHEMA_KEY))) {
            return "it has layout " + committed.get(SCHEMA_KEY) + ", this version writes " + IndexSchema.VERSION_ID;
        }
        if (!profile.embedder().equals(committed.get(EMBEDDER_KEY))) {
            return "its vectors come from " + committed.get(EMBEDDER_KEY) + ", this version embeds with "
                    + profile.embedder();
        }
        if (!profile.chunker().equals(committed.get(CHUNKER_KEY))) {
            return "its documents were cut into passages differently (" + committed.get(CHUNKER_KEY) + ", now "
                    + profile.chunker() + ")";
        }
        return null;
    }

    private static boolean sameModel(Path dir, IndexProfile profile) throws IOException {
        Map<String, String> committed = committedUserData(dir);
        return committed != null && profile.embedder().equals(committed.get(EMBEDDER_KEY));
    }

    private static Map<String, String> committedUserData(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d) ? committedUserData(d) : null;
        }
    }

    /** Why opening emptied an existing index, which the next syncs therefore re-read; empty when it did not. */
    public Optional<String> rebuiltBecause() {
        return Optional.ofNullable(rebuiltBecause);
    }

    @Override
    public IndexSnapshot snapshot() throws IOException {
        return new LuceneSnapshot(searchers);
    }

    @Override
    public void replace(String documentId, List<IndexedChunk> chunks) throws IOException {
        List<Document> docs = new ArrayList<>(chunks.size());
        for (IndexedChunk chunk : chunks) {
            docs.add(IndexSchema.chunkDocument(chunk));
        }
        writer.updateDocuments(new Term(IndexSchema.DOC_ID, documentId), docs);
    }

    @Override
    public boolean updateAcl(String documentId, Acl acl, String version) throws IOException {
        List<IndexedChunk> chunks = new ArrayList<>();
        forEachMatch(new TermQuery(new Term(IndexSchema.DOC_ID, documentId)), (leaf, doc) -> {
            Document d = leaf.reader().storedFields().document(doc);
            var document = new SourceDocument(documentId, d.get(IndexSchema.SOURCE), d.get(IndexSchema.TITLE), "",
                    d.get(IndexSchema.URL), Instant.ofEpochMilli(d.getField(IndexSchema.UPDATED).numericValue().longValue()),
                    acl, version);
            int ordinal = leafOrdinal(leaf, doc);
            chunks.add(new IndexedChunk(d.get(IndexSchema.CONNECTOR), document, ordinal,
                    new ChunkText(d.get(IndexSchema.HEADING), d.get(IndexSchema.BODY)),
                    d.get(IndexSchema.CONTENT_HASH), vectorOf(leaf, doc)));
        });
        if (chunks.isEmpty()) {
            return false;
        }
        chunks.sort(Comparator.comparingInt(IndexedChunk::ordinal));
        replace(documentId, chunks);
        return true;
    }

    private static int leafOrdinal(LeafReaderContext leaf, int doc) throws IOException {
        var ordinals = leaf.reader().getNumericDocValues(IndexSchema.CHUNK_ORDINAL);
        if (ordinals == null || !ordinals.advanceExact(doc)) {
            throw new IllegalStateException("chunk " + doc + " has no ordinal, which every chunk the schema writes has");
        }
        return (int) ordinals.longValue();
    }

    static float[] vectorOf(LeafReaderContext leaf, int doc) throws IOException {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
        if (values != null) {
            KnnVectorValues.DocIndexIterator it = values.iterator();
            if (it.advance(doc) == doc) {
                return values.vectorValue(it.index()).clone();
            }
        }
        throw new IllegalStateException("chunk " + doc + " has no vector, which every chunk the schema writes has");
    }

    @Override
    public void delete(String documentId) throws IOException {
        writer.deleteDocuments(new Term(IndexSchema.DOC_ID, documentId));
    }

    @Override
    public synchronized int deleteConnector(String connectorId) throws IOException {
        int documents = knownVersions(connectorId).size();
        writer.deleteDocuments(new Term(IndexSchema.CONNECTOR, connectorId));
        checkpoints.remove(connectorId);
        commit(connectorId, null);
        return documents;
    }

    @Override
    public Set<String> connectorIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                var terms = leaf.reader().terms(IndexSchema.CONNECTOR);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (var term = it.next(); term != null; term = it.next()) {
                    if (searcher.count(new TermQuery(new Term(IndexSchema.CONNECTOR, term))) > 0) {
                        ids.add(term.utf8ToString());
                    }
                }
            }
        } finally {
            searchers.release(searcher);
        }
        return ids;
    }

    @Override
    public synchronized Optional<String> checkpoint(String connectorId) {
        return Optional.ofNullable(checkpoints.get(connectorId));
    }

    @Override
    public synchronized void commit(String connectorId, String checkpoint) throws IOException {
        if (checkpoint != null) {
            checkpoints.put(connectorId, checkpoint);
        }
        Map<String, String> userData = new HashMap<>();
        userData.put(SCHEMA_KEY, IndexSchema.VERSION_ID);
        userData.put(EMBEDDER_KEY, profile.embedder());
        userData.put(CHUNKER_KEY, profile.chunker());
        checkpoints.forEach((k, v) -> userData.put(CHECKPOINT_PREFIX + k, v));
        writer.setLiveCommitData(userData.entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    @Override
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

    @Override
    public Map<String, float[]> vectorsOf(String documentId) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        forEachMatch(new TermQuery(new Term(IndexSchema.DOC_ID, documentId)), (leaf, doc) ->
                vectors.put(contentHash(leaf, doc), vectorOf(leaf, doc)));
        if (vectors.isEmpty() && donor != null) {
            return donor.vectorsOf(documentId);
        }
        return vectors;
    }

    @Override
    public Optional<Acl> acl(String documentId) throws IOException {
        List<String> acls = new ArrayList<>(1);
        forEachMatch(new TermQuery(new Term(IndexSchema.DOC_ID, documentId)), (leaf, doc) -> {
            if (acls.isEmpty()) {
                BinaryDocValues values = leaf.reader().getBinaryDocValues(IndexSchema.ACL_TEXT);
                acls.add(values != null && values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "");
            }
        });
        return acls.stream().findFirst().map(AclFormat::parseOrNone);
    }

    static String contentHash(LeafReaderContext leaf, int doc) throws IOException {
        return leaf.reader().storedFields().document(doc, Set.of(IndexSchema.CONTENT_HASH)).get(IndexSchema.CONTENT_HASH);
    }

    @Override
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

    /** Visits the live matches of the query with segment-local doc ids, as searchers see the index now. */
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

    /**
     * Closes searchers and the writer without committing: what was not committed is left to the next sync.
     * A vector donor is deleted: its vectors have been taken by what was synced meanwhile.
     */
    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closes in reverse order: searchers, writer, directory
        } finally {
            if (donor != null) {
                donor.closeAndDelete();
            }
        }
    }
}
