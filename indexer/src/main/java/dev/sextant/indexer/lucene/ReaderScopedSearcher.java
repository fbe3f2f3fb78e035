package dev.sextant.indexer.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * A searcher whose BM25 statistics count only the chunks one reader may read. Lucene's own statistics cover
 * the whole index, so a score would otherwise move with chunks the reader cannot see: how many hidden chunks
 * contain a word could be read off the scores. Here a chunk scores exactly as it would in an index holding
 * only the reader's chunks: the number of chunks, their total length ({@link IndexSchema#CONTENT_TERMS},
 * exact, as Lucene sums it) and each term's document and total frequency are all counted over those chunks.
 *
 * <p>The readable chunks are found once, by running the access filter over every segment; each term then
 * costs one walk of its postings. A reader who may read every chunk gets the index's own statistics.
 * Deleted chunks, which Lucene's statistics count until their segment is merged, are never counted here.
 */
final class ReaderScopedSearcher extends IndexSearcher {

    private final FixedBitSet[] readable;
    private final int readableCount;
    private CollectionStatistics content;

    private ReaderScopedSearcher(IndexReader reader, FixedBitSet[] readable, int readableCount) {
        super(reader);
        this.readable = readable;
        this.readableCount = readableCount;
        setSimilarity(IndexSchema.similarity());
    }

    /** The searcher for the reader whose access filter this is, over the same point-in-time reader as {@code base}. */
    static ReaderScopedSearcher of(IndexSearcher base, Query accessFilter) throws IOException {
        List<LeafReaderContext> leaves = base.getIndexReader().leaves();
        FixedBitSet[] readable = new FixedBitSet[leaves.size()];
        int count = 0;
        Weight weight = base.createWeight(base.rewrite(accessFilter), ScoreMode.COMPLETE_NO_SCORES, 1);
        for (LeafReaderContext leaf : leaves) {
            FixedBitSet bits = new FixedBitSet(leaf.reader().maxDoc());
            Scorer scorer = weight.scorer(leaf);
            if (scorer != null) {
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        bits.set(doc);
                    }
                }
            }
            readable[leaf.ord] = bits;
            count += bits.cardinality();
        }
        return new ReaderScopedSearcher(base.getIndexReader(), readable, count);
    }

    /** How many live chunks the reader may read. */
    int readableCount() {
        return readableCount;
    }

    /**
     * Whether the reader may read every chunk, and no deleted chunk still counts in the index's statistics:
     * then those statistics are the reader's own.
     */
    boolean readsEverything() {
        return readableCount == getIndexReader().maxDoc();
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        if (readsEverything() || !IndexSchema.CONTENT.equals(field)) {
            return super.collectionStatistics(field);
        }
        if (content == null) {
            content = contentStatistics();
        }
        return content;
    }

    private CollectionStatistics contentStatistics() throws IOException {
        long docCount = 0;
        long sumTotalTermFreq = 0;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            NumericDocValues lengths = leaf.reader().getNumericDocValues(IndexSchema.CONTENT_TERMS);
            DocIdSetIterator docs = new BitSetIterator(readable[leaf.ord], 0);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (lengths != null && lengths.advanceExact(doc) && lengths.longValue() > 0) {
                    docCount++;
                    sumTotalTermFreq += lengths.longValue();
                }
            }
        }
        if (docCount == 0) {
            return null;
        }
        // BM25 reads neither maxDoc nor sumDocFreq; both are given the least values Lucene's checks accept.
        return new CollectionStatistics(IndexSchema.CONTENT, docCount, docCount, sumTotalTermFreq, sumTotalTermFreq);
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        if (readsEverything() || !IndexSchema.CONTENT.equals(term.field())) {
            return super.termStatistics(term, docFreq, totalTermFreq);
        }
        long readableDocFreq = 0;
        long readableTotalTermFreq = 0;
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(term.field());
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term.bytes())) {
                continue;
            }
            postings = te.postings(postings, PostingsEnum.FREQS);
            FixedBitSet bits = readable[leaf.ord];
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (bits.get(doc)) {
                    readableDocFreq++;
                    readableTotalTermFreq += postings.freq();
                }
            }
        }
        // A term no readable chunk holds scores none of them: the least statistics Lucene accepts will do.
        return readableDocFreq == 0
                ? new TermStatistics(term.bytes(), 1, 1)
                : new TermStatistics(term.bytes(), readableDocFreq, readableTotalTermFreq);
    }
}
