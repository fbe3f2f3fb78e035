package dev.sextant.gateway.answer;

/**
 * The body of {@code POST /api/answer}.
 *
 * @param limit how many of the best passages the writer reads; null for {@link AnswerService#DEFAULT_SOURCES}
 */
public record AnswerRequest(String query, Integer limit) {
}
