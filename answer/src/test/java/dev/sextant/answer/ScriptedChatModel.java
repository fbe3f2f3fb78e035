package dev.sextant.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A chat model whose reply a test scripts; it records the requests it was sent. */
final class ScriptedChatModel implements ChatModel {

    private final Supplier<String> reply;
    final List<ChatRequest> requests = new ArrayList<>();

    ScriptedChatModel(Supplier<String> reply) {
        this.reply = reply;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        return ChatResponse.builder().aiMessage(AiMessage.from(reply.get())).build();
    }
}
