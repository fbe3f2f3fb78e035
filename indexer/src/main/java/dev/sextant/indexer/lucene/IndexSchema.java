package dev.sextant.indexer.lucene;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.IndexedChunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene schema: one Lucene document per chunk. Document-level fields (title, url, ACL...) are
 * repeated on every chunk so that a chunk hit needs no join; the first chunk also carries the document's
 * version and is what {@link LuceneIndex#knownVersions} reads. Everything a chunk was written from is stored,
 * so that {@link LuceneIndex#updateAcl} can write it again with another ACL. What every hit of a search needs (document
 * id, chunk ordinal, ACL text) is in doc values, cheap to read for hundreds of hits; what is shown (title,
 * passage, url...) is in stored fields, read only for the hits shown.
 *
 * <p>ACLs: clause {@code i} of a document's ACL is indexed as the keyword field {@code acl_i}; clauses it
 * does not have get {@link #ACL_ANYONE}, a sentinel every reader's filter includes. A document with no
 * clauses (ACL unknown) has no {@code acl_0} term, so no filter can ever match it.
 */
public final class IndexSchema {

    public static final String CHUNK_ID = "chunk_id";
    public static final String DOC_ID = "doc_id";
    public static final String CONNECTOR = "connector";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String HEADING = "heading";
    public static final String BODY = "body";
    /** Analysed text BM25 searches: title, heading path and passage. */
    public static final String CONTENT = "content";
    /** How many terms {@link #CONTENT} has, exactly: what BM25 statistics over one reader's chunks sum up. */
    public static final String CONTENT_TERMS = "content_terms";
    public static final String URL = "url";
    public static final String UPDATED = "updated";
    public static final String VERSION = "version";
    public static final String FIRST_CHUNK = "first_chunk";
    public static final String CHUNK_ORDINAL = "chunk_ordinal";
    public static final String CONTENT_HASH = "content_hash";
    public static final String ACL_TEXT = "acl";
    public static final String VECTOR = "vector";

    /** Names this layout; an index committed under another is rebuilt (see {@link LuceneIndex#open(java.nio.file.Path)}). */
    public static final String VERSION_ID = "3";

    public static final int MAX_ACL_CLAUSES = ChunkIndex.MAX_ACL_CLAUSES;
    public static final String ACL_ANYONE = "*";
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private IndexSchema() {
    }

    /** A chunk's id: its document's id and its ordinal within the document. */
    public static String chunkId(String documentId, int ordinal) {
        return documentId + "#" + ordinal;
    }

    public static String aclField(int clause) {
        return "acl_" + clause;
    }

    /** BM25 with Anserini's parameters for passage-length text (k1 0.9, b 0.4). */
    public static Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    /** Analyses {@link #CONTENT} for English; everything else is matched as keywords. */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(CONTENT, new EnglishAnalyzer()));
    }

    private static final Analyzer CONTENT_ANALYZER = new EnglishAnalyzer();

    static Document chunkDocument(IndexedChunk chunk) {
        var doc = chunk.document();
        Document d = new Document();
        d.add(new StringField(CHUNK_ID, chunkId(doc.id(), chunk.ordinal()), Field.Store.YES));
        d.add(new StringField(DOC_ID, doc.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(DOC_ID, new BytesRef(doc.id())));
        d.add(new StringField(CONNECTOR, chunk.connectorId(), Field.Store.YES));
        d.add(new StoredField(SOURCE, doc.source()));
        d.add(new StoredField(TITLE, doc.title()));
        d.add(new StoredField(HEADING, chunk.text().heading()));
        d.add(new StoredField(BODY, chunk.text().text()));
        String content = chunk.text().contextualized(doc.title());
        d.add(new TextField(CONTENT, content, Field.Store.NO));
        d.add(new NumericDocValuesField(CONTENT_TERMS, termCount(content)));
        d.add(new StoredField(URL, doc.url() == null ? "" : doc.url()));
        long updated = doc.updated() == null ? 0 : doc.updated().toEpochMilli();
        d.add(new LongPoint(UPDATED, updated));
        d.add(new StoredField(UPDATED, updated));
        d.add(new IntPoint(CHUNK_ORDINAL, chunk.ordinal()));
        d.add(new NumericDocValuesField(CHUNK_ORDINAL, chunk.ordinal()));
        d.add(new StoredField(CONTENT_HASH, chunk.contentHash()));
        d.add(new StoredField(VERSION, doc.version()));
        if (chunk.ordinal() == 0) {
            d.add(new StringField(FIRST_CHUNK, "true", Field.Store.NO));
        }
        addAcl(d, doc.acl());
        d.add(new KnnFloatVectorField(VECTOR, chunk.vector(), SIMILARITY));
        return d;
    }

    /** The number of terms the analyzer makes of the text: the length BM25 normalizes by. */
    public static int termCount(String text) {
        try (TokenStream tokens = CONTENT_ANALYZER.tokenStream(CONTENT, text)) {
            tokens.reset();
            int count = 0;
            while (tokens.incrementToken()) {
                count++;
            }
            tokens.end();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
    }

    private static void addAcl(Document d, Acl acl) {
        if (acl.clauses().size() > MAX_ACL_CLAUSES) {
            throw new IllegalArgumentException("an ACL of " + acl.clauses().size() + " clauses exceeds the "
                    + MAX_ACL_CLAUSES + " the index supports");
        }
        d.add(new BinaryDocValuesField(ACL_TEXT, new BytesRef(acl.format())));
        for (int i = 0; i < MAX_ACL_CLAUSES; i++) {
            if (i < acl.clauses().size()) {
                AclClause clause = acl.clauses().get(i);
                for (Principal p : clause.anyOf()) {
                    d.add(new StringField(aclField(i), p.value(), Field.Store.NO));
                }
            } else if (!acl.isNone()) {
                d.add(new StringField(aclField(i), ACL_ANYONE, Field.Store.NO));
            }
        }
    }
}
