package dev.sextant.gateway.answer;

import dev.sextant.answer.QueryRewriter.Role;
import dev.sextant.answer.QueryRewriter.Turn;
import dev.sextant.retriever.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The body of {@code POST /api/chat}: the conversation so far, oldest first, ending with the user's message. */
public record ChatRequest(List<Message> messages) {

    static final int MAX_MESSAGES = 50;
    static final int MAX_CHARS = 10_000;

    /** @param role {@code user} or {@code assistant} */
    public record Message(String role, String content) {
    }

    /** @throws InvalidQueryException saying what is wrong with the conversation */
    List<Turn> turns() {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidQueryException("the conversation is empty: send {\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"...\"}]}");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw new InvalidQueryException("the conversation has " + messages.size() + " messages; the limit is "
                    + MAX_MESSAGES);
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m == null || m.content() == null) {
                throw new InvalidQueryException("message " + (i + 1) + " has no content");
            }
            if (m.content().length() > MAX_CHARS) {
                throw new InvalidQueryException("message " + (i + 1) + " is " + m.content().length()
                        + " characters long; the limit is " + MAX_CHARS);
            }
            Role role = switch (m.role() == null ? "" : m.role().toLowerCase(Locale.ROOT)) {
                case "user" -> Role.USER;
                case "assistant" -> Role.ASSISTANT;
                default -> throw new InvalidQueryException("message " + (i + 1) + " has role '" + m.role()
                        + "'; a role is user or assistant");
            };
            turns.add(new Turn(role, m.content()));
        }
        if (turns.getLast().role() != Role.USER) {
            throw new InvalidQueryException("the last message must be the user's: it is what is answered");
        }
        return turns;
    }
}
