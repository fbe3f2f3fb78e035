package dev.sextant.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.indexer.lucene.IndexSchema;
import dev.sextant.indexer.lucene.LuceneQueryParser;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The port's query syntax as an OpenSearch query that scores exactly like the embedded index's BM25 with the
 * reader's statistics. The query is parsed as the embedded index parses it ({@link LuceneQueryParser}, the same
 * English analysis), so both engines search the same terms; each term (or phrase) then becomes a query on
 * {@code content}, whose scripted similarity returns BM25's length-normalized term frequency
 * {@code freq / (freq + k1 * (1 - b + b * length / avgdl))} with the reader's average length passed as the
 * query's boost ({@code 1 / avgdl}), wrapped in a {@code script_score} that multiplies by the reader's idf.
 * Booleans become {@code bool} (a sum of clause scores, as in Lucene); a prefix matches with the constant
 * score 1 that Lucene's prefix rewrite gives.
 */
final class LexicalQuery {

    private static final String IDF_SCRIPT = "_score * params.idf";

    private final Query parsed;

    LexicalQuery(String query) {
        this.parsed = LuceneQueryParser.parse(query);
    }

    /** Whether the query can match anything (a query of only stop words cannot). */
    boolean matchesAnything() {
        return !(parsed instanceof MatchNoDocsQuery);
    }

    /** The analysed terms whose document frequencies the score needs. */
    Set<String> terms() {
        Set<String> terms = new LinkedHashSet<>();
        collect(parsed, terms);
        return terms;
    }

    private static void collect(Query q, Set<String> terms) {
        switch (q) {
            case TermQuery t -> terms.add(t.getTerm().text());
            case PhraseQuery p -> {
                for (Term t : p.getTerms()) {
                    terms.add(t.text());
                }
            }
            case BooleanQuery b -> b.clauses().forEach(c -> collect(c.query(), terms));
            case BoostQuery b -> collect(b.getQuery(), terms);
            default -> {
            }
        }
    }

    /** The OpenSearch query scored with these statistics. */
    ObjectNode toJson(ReaderStatistics stats) {
        return translate(parsed, stats, 1f);
    }

    private static ObjectNode translate(Query q, ReaderStatistics stats, float boost) {
        return switch (q) {
            case TermQuery t -> scored(termQuery(t.getTerm().text(), stats), boost * stats.idf(t.getTerm().text()));
            case PhraseQuery p -> phrase(p, stats, boost);
            case PrefixQuery p -> prefix(p, boost);
            case BoostQuery b -> translate(b.getQuery(), stats, boost * b.getBoost());
            case BooleanQuery b -> bool(b, stats, boost);
            case MatchNoDocsQuery m -> matchNone();
            case MatchAllDocsQuery m -> matchAll(boost);
            default -> throw new IllegalArgumentException("the OpenSearch index cannot run a " + q.getClass().getSimpleName()
                    + " (" + q + "); the query syntax makes only terms, phrases, prefixes and groups");
        };
    }

    private static ObjectNode termQuery(String term, ReaderStatistics stats) {
        ObjectNode q = OpenSearchHttp.object();
        q.putObject("term").putObject(IndexSchema.CONTENT).put("value", term).put("boost", 1f / stats.averageLength());
        return q;
    }

    /**
     * Lucene scores a phrase as one term whose idf is the sum of its terms' idfs and whose frequency is the
     * phrase's. The scripted similarity is called once per phrase term with that frequency and the results
     * summed, so the sum is divided by the number of terms. The analysed terms are sent through an analyzer
     * that only splits on spaces, with a placeholder ({@code |}, which the English analysis never makes) for
     * each position a stop word left empty, so that positions match those indexed.
     */
    private static ObjectNode phrase(PhraseQuery p, ReaderStatistics stats, float boost) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        StringBuilder text = new StringBuilder();
        float idf = 0;
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) {
                    text.append(" |");
                }
                text.append(' ');
            }
            text.append(terms[i].text());
            idf += stats.idf(terms[i].text());
        }
        ObjectNode q = OpenSearchHttp.object();
        q.putObject("match_phrase").putObject(IndexSchema.CONTENT).put("query", text.toString())
                .put("analyzer", "sextant_analyzed_terms").put("slop", p.getSlop())
                .put("boost", 1f / stats.averageLength());
        return scored(q, boost * idf / terms.length);
    }

    private static ObjectNode prefix(PrefixQuery p, float boost) {
        ObjectNode q = OpenSearchHttp.object();
        q.putObject("prefix").putObject(IndexSchema.CONTENT).put("value", p.getPrefix().text())
                .put("rewrite", "constant_score").put("boost", boost);
        return q;
    }

    private static ObjectNode scored(ObjectNode query, float weight) {
        ObjectNode q = OpenSearchHttp.object();
        ObjectNode scriptScore = q.putObject("script_score");
        scriptScore.set("query", query);
        ObjectNode script = scriptScore.putObject("script");
        script.put("source", IDF_SCRIPT);
        script.putObject("params").put("idf", weight);
        return q;
    }

    private static ObjectNode bool(BooleanQuery b, ReaderStatistics stats, float boost) {
        ObjectNode q = OpenSearchHttp.object();
        ObjectNode bool = q.putObject("bool");
        boolean positive = false;
        for (BooleanClause c : b.clauses()) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case FILTER -> "filter";
                case MUST_NOT -> "must_not";
            };
            positive |= c.occur() != BooleanClause.Occur.MUST_NOT;
            ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
            list.add(translate(c.query(), stats, boost));
        }
        if (!positive) {
            // Lucene matches nothing with only prohibited clauses; OpenSearch would match everything else.
            return matchNone();
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
            bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
        }
        return q;
    }

    /** What the parser puts beside a query of only prohibited words: everything else, scored 1 as in Lucene. */
    private static ObjectNode matchAll(float boost) {
        ObjectNode q = OpenSearchHttp.object();
        q.putObject("match_all").put("boost", boost);
        return q;
    }

    private static ObjectNode matchNone() {
        ObjectNode q = OpenSearchHttp.object();
        q.putObject("match_none");
        return q;
    }
}
