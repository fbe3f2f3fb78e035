package dev.sextant.gateway.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The configured language models, empty when none is configured. This minimal version configures none: the
 * LLM configuration ({@code sextant.llm.*}) replaces it.
 */
@ApplicationScoped
public class LlmModels {

    public Optional<ChatModel> chat() {
        return Optional.empty();
    }

    public Optional<StreamingChatModel> streaming() {
        return Optional.empty();
    }
}
