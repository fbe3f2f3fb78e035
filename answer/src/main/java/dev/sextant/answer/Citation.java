package dev.sextant.answer;

import dev.sextant.indexer.Passage;
import dev.sextant.retriever.Candidate;

/**
 * A source an answer cites as {@code [n]}: one of the checked candidates the writer was given.
 *
 * @param n       the number the answer cites it by, counted from 1 in the order the sources were given
 * @param snippet HTML, as in search hits: escaped text with {@code <mark>} around matched terms
 */
public record Citation(int n, String docId, String title, String url, String snippet) {

    /** The citation of source {@code n}, the {@code n}-th of those given (which carry their passages). */
    public static Citation of(int n, Candidate source) {
        Passage p = source.passage();
        return new Citation(n, source.docId(), p.title(), p.url(), p.snippet());
    }
}
