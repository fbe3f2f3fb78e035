package dev.sextant.reranker.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible chat endpoint is (vLLM, Ollama, llama.cpp server, OpenAI, Azure) and how to ask it.
 *
 * @param baseUrl the URL before {@code /chat/completions}, e.g. {@code http://localhost:8000/v1}
 * @param apiKey  the bearer token; local servers take any, so null sends a placeholder
 * @param model   the model name the endpoint serves
 * @param timeout how long one request may take before the client gives up
 */
public record LlmEndpoint(String baseUrl, String apiKey, String model, Duration timeout) {

    /** Sent when none is configured: local servers accept any bearer token. */
    static final String NO_KEY = "none";

    public LlmEndpoint {
        Objects.requireNonNull(baseUrl, "an LLM endpoint needs a base URL");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("the LLM endpoint " + baseUrl + " needs a model name");
        }
        Objects.requireNonNull(timeout, "timeout");
        apiKey = apiKey == null || apiKey.isBlank() ? NO_KEY : apiKey;
    }
}
