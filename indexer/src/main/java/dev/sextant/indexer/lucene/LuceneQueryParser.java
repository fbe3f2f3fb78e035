package dev.sextant.indexer.lucene;

import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/** Turns the port's query syntax into the Lucene query BM25 runs and snippets highlight. */
public final class LuceneQueryParser {

    private LuceneQueryParser() {
    }

    /** Never null: a query of only stop words matches nothing lexically. */
    public static Query parse(String query) {
        Query q = new SimpleQueryParser(IndexSchema.analyzer(), IndexSchema.CONTENT).parse(query);
        return q == null ? new MatchNoDocsQuery("no searchable terms") : q;
    }
}
