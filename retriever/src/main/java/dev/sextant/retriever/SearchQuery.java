package dev.sextant.retriever;

import dev.sextant.acl.Principals;
import org.apache.lucene.search.Query;

/**
 * A validated query on its way through the stages.
 *
 * @param text       what the person typed
 * @param lexical    the parsed form BM25 runs and snippets highlight
 * @param reader     everything the person is; every stage filters by it
 * @param depth      how many candidates each coarse stage returns at most
 */
public record SearchQuery(String text, Query lexical, Principals reader, int depth) {
}
