package dev.sextant.leak;

import java.util.List;
import java.util.Set;

/**
 * Everything one path let out for one probe.
 *
 * @param shown     ids of the documents shown or cited
 * @param counted   ids of every document the path counted in its total (null when it counts none)
 * @param texts     every text that left: titles, passages, snippets, URLs, scores, prompts, answers, notices
 * @param total     the total it reported, or null
 * @param lexical   whether only words matched (no kNN), so that the total is exactly the readable matches
 * @param typed     what the person typed themselves (their query, their turns): markers in it may come back
 */
record Exposure(List<String> shown, Set<String> counted, List<String> texts, Integer total, boolean lexical,
                List<String> typed) {

    Exposure {
        shown = List.copyOf(shown);
        counted = counted == null ? null : Set.copyOf(counted);
        texts = List.copyOf(texts);
        typed = List.copyOf(typed);
    }
}
