package dev.sextant.indexer.lucene;

import dev.sextant.indexer.ChunkHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Turns Lucene's chunk hits into {@link ChunkHit}s, each document once, by its best chunk. Reads only doc
 * values (document id, chunk ordinal, ACL), visiting hits in index order as doc values iterators require.
 */
final class DocValueHits {

    private DocValueHits() {
    }

    /** The doc-values facts of one hit. */
    private record HitFacts(String docId, String chunkId, String acl) {
    }

    static List<ChunkHit> bestPerDocument(IndexSearcher searcher, TopDocs hits) throws IOException {
        HitFacts[] facts = read(searcher.getIndexReader().leaves(), hits.scoreDocs);
        List<ChunkHit> best = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hits.scoreDocs.length; i++) {
            HitFacts f = facts[i];
            if (seen.add(f.docId())) {
                best.add(new ChunkHit(f.docId(), f.chunkId(), f.acl(), hits.scoreDocs[i].score));
            }
        }
        return best;
    }

    private static HitFacts[] read(List<LeafReaderContext> leaves, ScoreDoc[] hits) throws IOException {
        Integer[] byDoc = new Integer[hits.length];
        Arrays.setAll(byDoc, i -> i);
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
        HitFacts[] facts = new HitFacts[hits.length];
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        SortedDocValues docIds = null;
        NumericDocValues ordinals = null;
        BinaryDocValues acls = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            int sub = ReaderUtil.subIndex(doc, leaves);
            if (sub != leafIndex) {
                leafIndex = sub;
                leaf = leaves.get(sub);
                docIds = leaf.reader().getSortedDocValues(IndexSchema.DOC_ID);
                ordinals = leaf.reader().getNumericDocValues(IndexSchema.CHUNK_ORDINAL);
                acls = leaf.reader().getBinaryDocValues(IndexSchema.ACL_TEXT);
            }
            int local = doc - leaf.docBase;
            if (docIds == null || !docIds.advanceExact(local) || ordinals == null || !ordinals.advanceExact(local)) {
                throw new IllegalStateException("chunk " + doc + " has no document id or ordinal doc value, which every "
                        + "chunk the schema writes has");
            }
            // A chunk without an ACL value is readable by nobody: the guard's parse of "" fails closed.
            String acl = acls != null && acls.advanceExact(local)
                    ? acls.binaryValue().utf8ToString() : "";
            String docId = docIds.lookupOrd(docIds.ordValue()).utf8ToString();
            facts[i] = new HitFacts(docId, IndexSchema.chunkId(docId, (int) ordinals.longValue()), acl);
        }
        return facts;
    }
}
