package dev.sextant.bench.jmh;

import dev.sextant.indexer.lucene.LuceneQueryParser;
import dev.sextant.indexer.lucene.SnippetHighlighter;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Highlighting one search result: the best fragment of a 200-word passage for a four-word query. */
public class SnippetBenchmark extends HotPathBenchmark {

    private final SnippetHighlighter highlighter = SnippetHighlighter.english();
    private Query query;
    private String passage;

    @Setup
    public void setUp() {
        query = LuceneQueryParser.parse("promote replica after failover");
        StringBuilder sb = new StringBuilder();
        String sentence = "When the primary database stops answering, the on-call engineer checks replication lag "
                + "on each standby before choosing which one to promote & announces it in #incidents. ";
        while (sb.length() < 1300) {
            sb.append(sentence);
        }
        passage = sb.append("Promoting the replica ends the failover.").toString();
    }

    @Benchmark
    public String snippet() {
        return highlighter.snippet(query, passage);
    }
}
