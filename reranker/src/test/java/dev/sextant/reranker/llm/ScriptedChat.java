package dev.sextant.reranker.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-process chat model: answers each request's user message with a function of it, 10 tokens a call. */
final class ScriptedChat implements ChatModel {

    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<String, String> answer;

    ScriptedChat(Function<String, String> answer) {
        this.answer = answer;
    }

    /** Answers the calls in order with these replies. */
    static ScriptedChat replies(String... replies) {
        int[] next = {0};
        return new ScriptedChat(user -> replies[next[0]++]);
    }

    static String system(ChatRequest request) {
        return text(request, SystemMessage.class);
    }

    static String user(ChatRequest request) {
        return text(request, UserMessage.class);
    }

    private static String text(ChatRequest request, Class<? extends ChatMessage> type) {
        return request.messages().stream().filter(type::isInstance).map(m -> m instanceof UserMessage u
                ? u.singleText() : ((SystemMessage) m).text()).findFirst().orElseThrow();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(user(request))))
                .tokenUsage(new TokenUsage(7, 3)).build();
    }
}
