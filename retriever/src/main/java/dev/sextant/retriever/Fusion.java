package dev.sextant.retriever;

import java.util.List;

/** Merges the rankings of several retrievers for one query into one ranking, one candidate per document. */
public interface Fusion {

    /**
     * @param rankings one list per retriever, best first, each holding a document at most once
     * @return every document of any list once, best first, with the scores of every list it was in and the
     *         fused score under {@link #stage()}
     */
    List<Candidate> fuse(List<List<Candidate>> rankings);

    /** The key of the fused score in {@link Candidate#scores()}. */
    String stage();
}
