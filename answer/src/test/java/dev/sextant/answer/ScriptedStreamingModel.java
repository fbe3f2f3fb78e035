package dev.sextant.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming model that replies with scripted chunks on its own thread, as a remote model does, then
 * completes with usage, or fails after the chunks; it records the requests it was sent.
 */
final class ScriptedStreamingModel implements StreamingChatModel {

    private final List<String> chunks;
    private final RuntimeException failure;
    final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedStreamingModel(List<String> chunks, RuntimeException failure) {
        this.chunks = chunks;
        this.failure = failure;
    }

    static ScriptedStreamingModel replying(String... chunks) {
        return new ScriptedStreamingModel(List.of(chunks), null);
    }

    static ScriptedStreamingModel failingAfter(RuntimeException failure, String... chunks) {
        return new ScriptedStreamingModel(List.of(chunks), failure);
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        requests.add(request);
        Thread.ofVirtual().start(() -> {
            StringBuilder all = new StringBuilder();
            for (String chunk : chunks) {
                handler.onPartialResponse(chunk);
                all.append(chunk);
            }
            if (failure != null) {
                handler.onError(failure);
                return;
            }
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(all.toString()))
                    .tokenUsage(new TokenUsage(321, chunks.size())).finishReason(FinishReason.STOP).build());
        });
    }
}
