package dev.sextant.indexer.lucene;

import java.util.Map;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns the port's query syntax into the Lucene query BM25 runs and snippets highlight. Only the operators
 * the syntax names are on: {@code ~} (fuzzy and near) is read as text, so that no input can ask for an edit
 * distance or slop Lucene rejects.
 */
public final class LuceneQueryParser {

    private static final int OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;

    private LuceneQueryParser() {
    }

    /** Never null: a query of only stop words matches nothing lexically. */
    public static Query parse(String query) {
        Query q = new SimpleQueryParser(IndexSchema.analyzer(), Map.of(IndexSchema.CONTENT, 1f), OPERATORS).parse(query);
        return q == null ? new MatchNoDocsQuery("no searchable terms") : q;
    }
}
