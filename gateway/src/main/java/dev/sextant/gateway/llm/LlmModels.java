package dev.sextant.gateway.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.reranker.llm.LlmEndpoint;
import dev.sextant.reranker.llm.OpenAiModels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The configured LLM ({@code sextant.llm.*}) as LangChain4j chat models, for reranking and answers; both empty
 * when no base URL is configured. Log-probabilities are asked for when pointwise reranking reads them.
 */
@ApplicationScoped
public class LlmModels {

    private final Optional<ChatModel> chat;
    private final Optional<StreamingChatModel> streaming;

    /** No LLM: for a test's subclass, which answers with its own models (QuarkusMock). */
    protected LlmModels() {
        this.chat = Optional.empty();
        this.streaming = Optional.empty();
    }

    @Inject
    LlmModels(SextantConfig config) {
        Optional<LlmEndpoint> endpoint = endpoint(config.llm());
        boolean logprobs = RerankMode.of(config.rerank().llmMode()) == RerankMode.POINTWISE;
        this.chat = endpoint.map(e -> OpenAiModels.chat(e, logprobs));
        this.streaming = endpoint.map(OpenAiModels::streaming);
    }

    /** @throws IllegalArgumentException when a base URL is configured without a model */
    static Optional<LlmEndpoint> endpoint(SextantConfig.Llm llm) {
        return llm.baseUrl().filter(url -> !url.isBlank()).map(url -> new LlmEndpoint(url, llm.apiKey().orElse(null),
                llm.model().orElseThrow(() -> new IllegalArgumentException(
                        "sextant.llm.base-url is set (" + url + ") but sextant.llm.model is not: name the model to use")),
                llm.timeout()));
    }

    public Optional<ChatModel> chat() {
        return chat;
    }

    public Optional<StreamingChatModel> streaming() {
        return streaming;
    }
}
