package dev.sextant.gateway.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /api/search}. */
public record SearchResponse(int total, long tookMs, List<Hit> hits, List<String> notices) {

    /** @param snippet HTML: escaped text with {@code <mark>} around matched terms */
    public record Hit(String docId, String title, String url, String source, Instant updated, String snippet,
                      Map<String, Float> scores) {
    }
}
