package dev.sextant.indexer.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * Cuts the best fragment of a passage for the query and marks the matched terms with {@code <mark>}.
 * The output is HTML: everything but the marks is escaped, so a page may insert it as is.
 */
public final class SnippetHighlighter {

    private final Analyzer analyzer;
    private final int fragmentChars;

    public SnippetHighlighter(Analyzer analyzer, int fragmentChars) {
        this.analyzer = analyzer;
        this.fragmentChars = fragmentChars;
    }

    public static SnippetHighlighter english() {
        return new SnippetHighlighter(IndexSchema.analyzer(), 240);
    }

    public String snippet(Query query, String passage) {
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                new SimpleHTMLEncoder(), new QueryScorer(query, IndexSchema.CONTENT));
        highlighter.setTextFragmenter(new SimpleFragmenter(fragmentChars));
        highlighter.setMaxDocCharsToAnalyze(Math.max(passage.length(), 1));
        try {
            String best = highlighter.getBestFragment(analyzer, IndexSchema.CONTENT, passage);
            if (best != null) {
                return best.strip();
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            // fall through to the plain opening: a snippet is never worth failing a search for
        }
        return SimpleHTMLEncoder.htmlEncode(opening(passage));
    }

    private String opening(String passage) {
        if (passage.length() <= fragmentChars) {
            return passage;
        }
        int cut = passage.lastIndexOf(' ', fragmentChars);
        return passage.substring(0, cut > fragmentChars / 2 ? cut : fragmentChars) + " …";
    }
}
