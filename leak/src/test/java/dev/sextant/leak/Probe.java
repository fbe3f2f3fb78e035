package dev.sextant.leak;

import java.util.List;
import java.util.Set;

/**
 * One question the suite asks every path for one person.
 *
 * @param kind    what sort of query it is, for the report
 * @param query   what the person types
 * @param matches when known exactly: the documents the query matches by their words, whoever may read them
 *                (null when the query's matches are not worked out)
 * @param earlier what the person asked before in the same conversation, oldest first, for the chat path
 */
record Probe(String kind, String query, Set<Integer> matches, List<String> earlier) {

    Probe {
        matches = matches == null ? null : Set.copyOf(matches);
        earlier = List.copyOf(earlier);
    }
}
