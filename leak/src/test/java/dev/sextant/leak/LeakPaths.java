package dev.sextant.leak;

import dev.sextant.answer.ExtractiveAnswerWriter;
import dev.sextant.answer.LlmAnswerWriter;
import dev.sextant.reranker.llm.LlmEndpoint;
import dev.sextant.reranker.llm.OpenAiModels;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every path the suite asks, wired over one {@link LeakSystem} and one OpenAI-compatible fake, as the gateway wires them. */
final class LeakPaths {

    private LeakPaths() {
    }

    /**
     * @param pages how many pages of ten hits the search path reads
     */
    static List<LeakPath> all(LeakSystem system, OpenAiFake fake, int pages) {
        LlmEndpoint endpoint = new LlmEndpoint(fake.baseUrl(), "sk-leak", "fake-model", Duration.ofSeconds(10));
        ExtractiveAnswerWriter extractive = new ExtractiveAnswerWriter();
        LlmAnswerWriter llm = new LlmAnswerWriter(OpenAiModels.streaming(endpoint), extractive);
        fake.always(OpenAiFake.Reply.content(ChatPath.ANSWER));
        return List.of(
                new SearchPath("search", system.hybrid, false, pages, 10),
                new SearchPath("search-bm25", system.lexical, true, 1, 10),
                new AnswerPath("answer-llm", system.hybrid, llm, Optional.of(fake)),
                new AnswerPath("answer-extractive", system.hybrid, extractive, Optional.empty()),
                new ChatPath(system.hybrid, llm, OpenAiModels.chat(endpoint, false), fake));
    }
}
