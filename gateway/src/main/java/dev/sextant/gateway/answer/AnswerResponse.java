package dev.sextant.gateway.answer;

import dev.sextant.answer.Answer;
import dev.sextant.answer.Citation;
import dev.sextant.reranker.RerankerCascade;
import java.util.List;

/**
 * The final object of {@code POST /api/answer} and {@code POST /api/chat}: the whole answer, also the data of
 * the stream's {@code done} event.
 *
 * @param query  what was searched: the question, or for chat the last message rewritten to stand alone
 * @param stages how each reranker stage ran for this search
 * @param usage  the model's token counts; null when no model wrote the answer
 */
public record AnswerResponse(String query, String answer, List<Citation> citations, List<RerankerCascade.StageRun> stages, boolean llm,
                             Answer.Usage usage, List<String> notices) {
}
