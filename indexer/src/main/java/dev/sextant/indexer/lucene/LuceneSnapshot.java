package dev.sextant.indexer.lucene;

import dev.sextant.acl.Principals;
import dev.sextant.indexer.ChunkHit;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.indexer.Passage;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * One search's point-in-time view of a {@link LuceneIndex}: a searcher acquired once and released on close.
 * The access filter and the reader's BM25 statistics are built for the first search that needs them and
 * reused by the others of the same reader (a hybrid search runs BM25 and kNN through one snapshot).
 */
final class LuceneSnapshot implements IndexSnapshot {

    private static final Set<String> PASSAGE_FIELDS = Set.of(IndexSchema.CHUNK_ID, IndexSchema.TITLE,
            IndexSchema.HEADING, IndexSchema.BODY, IndexSchema.URL, IndexSchema.SOURCE, IndexSchema.UPDATED);
    private static final SnippetHighlighter HIGHLIGHTER = SnippetHighlighter.english();

    private final SearcherManager searchers;
    private final IndexSearcher searcher;
    private Principals filteredReader;
    private Query accessFilter;
    private ReaderScopedSearcher scoped;

    LuceneSnapshot(SearcherManager searchers) throws IOException {
        this.searchers = searchers;
        this.searcher = searchers.acquire();
    }

    @Override
    public List<ChunkHit> lexical(String query, Principals reader, int depth) throws IOException {
        ReaderScopedSearcher statistics = scopedFor(reader);
        if (statistics.readableCount() == 0) {
            return List.of();
        }
        IndexSearcher scoring = statistics.readsEverything() ? searcher : statistics;
        var hits = scoring.search(AclFilter.restrict(LuceneQueryParser.parse(query), accessFilter), depth);
        return DocValueHits.bestPerDocument(searcher, hits);
    }

    @Override
    public List<ChunkHit> vector(float[] vector, Principals reader, int k) throws IOException {
        var knn = new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, k, filterFor(reader));
        List<ChunkHit> hits = DocValueHits.bestPerDocument(searcher, searcher.search(knn, k));
        // Lucene scores a dot product of unit vectors as (1 + cosine) / 2; the port speaks cosine.
        return hits.stream().map(h -> new ChunkHit(h.docId(), h.chunkId(), h.aclText(), 2 * h.score() - 1)).toList();
    }

    @Override
    public Map<String, Passage> fetch(Collection<String> chunkIds, String query) throws IOException {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        List<BytesRef> ids = chunkIds.stream().map(BytesRef::new).toList();
        var hits = searcher.search(new TermInSetQuery(IndexSchema.CHUNK_ID, ids), ids.size());
        Query highlighted = LuceneQueryParser.parse(query);
        StoredFields stored = searcher.storedFields();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, Passage> passages = new HashMap<>();
        for (ScoreDoc hit : hits.scoreDocs) {
            Document d = stored.document(hit.doc, PASSAGE_FIELDS);
            String body = d.get(IndexSchema.BODY);
            passages.put(d.get(IndexSchema.CHUNK_ID), new Passage(d.get(IndexSchema.TITLE), d.get(IndexSchema.HEADING),
                    body, HIGHLIGHTER.snippet(highlighted, body), d.get(IndexSchema.URL), d.get(IndexSchema.SOURCE),
                    Instant.ofEpochMilli(d.getField(IndexSchema.UPDATED).numericValue().longValue()),
                    aclText(leaves, hit.doc)));
        }
        return passages;
    }

    private static String aclText(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues acls = leaf.reader().getBinaryDocValues(IndexSchema.ACL_TEXT);
        // A chunk without an ACL value is readable by nobody: parsing "" fails closed.
        return acls != null && acls.advanceExact(doc - leaf.docBase) ? acls.binaryValue().utf8ToString() : "";
    }

    private Query filterFor(Principals reader) {
        if (!reader.equals(filteredReader)) {
            filteredReader = reader;
            accessFilter = AclFilter.of(reader);
            scoped = null;
        }
        return accessFilter;
    }

    private ReaderScopedSearcher scopedFor(Principals reader) throws IOException {
        Query filter = filterFor(reader);
        if (scoped == null) {
            scoped = ReaderScopedSearcher.of(searcher, filter);
        }
        return scoped;
    }

    @Override
    public void close() throws IOException {
        searchers.release(searcher);
    }
}
