package dev.sextant.reranker.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j's OpenAI clients configured the one way Sextant uses them, for the gateway and the eval command
 * alike: temperature 0, no client-side retries (a retry after a 429 or a timeout would spend the stage's
 * budget; the cascade falls back instead), and, when asked, log-probabilities of each token's alternatives,
 * which {@link LlmPointwiseReranker} reads where the endpoint returns them.
 */
public final class OpenAiModels {

    /** How many alternatives of each token the endpoint is asked for. */
    static final int TOP_LOGPROBS = 5;

    private OpenAiModels() {
    }

    /** @param logprobs whether to ask for log-probabilities (pointwise reranking wants them) */
    public static ChatModel chat(LlmEndpoint endpoint, boolean logprobs) {
        var builder = OpenAiChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .timeout(endpoint.timeout())
                .temperature(0.0)
                .maxRetries(0);
        if (logprobs) {
            builder.logprobs(true).topLogprobs(TOP_LOGPROBS);
        }
        return builder.build();
    }

    public static StreamingChatModel streaming(LlmEndpoint endpoint) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .modelName(endpoint.model())
                .timeout(endpoint.timeout())
                .temperature(0.0)
                .build();
    }
}
