package dev.sextant.gateway.answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.gateway.audit.AuditAction;
import dev.sextant.gateway.audit.AuditLog;
import dev.sextant.gateway.auth.ReaderPrincipals;
import dev.sextant.gateway.limits.RateLimited;
import dev.sextant.gateway.limits.RequestKind;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.InvalidQueryException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.IOException;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/answer} {@code {"query","limit"}} and {@code POST /api/chat} {@code {"messages"}}: an answer
 * with citations, written only from what the signed-in person may read. With {@code Accept: text/event-stream}
 * it streams: {@code token} events {@code {"text"}}, then one {@code done} event holding the final object;
 * with {@code Accept: application/json} the final object alone. A bad request is a 400 before any stream.
 */
@Path("/api")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
public class AnswerResource {

    private static final Logger LOG = Logger.getLogger(AnswerResource.class);
    private static final int MAX_SOURCES = 20;

    private final AnswerService answers;
    private final ReaderPrincipals principals;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final AuditLog audit;

    @Context
    Sse sse;

    AnswerResource(AnswerService answers, ReaderPrincipals principals, SecurityIdentity identity, ObjectMapper mapper,
                   AuditLog audit) {
        this.answers = answers;
        this.principals = principals;
        this.identity = identity;
        this.mapper = mapper;
        this.audit = audit;
    }

    @POST
    @Path("answer")
    @Blocking
    @RateLimited(RequestKind.ANSWER)
    @Produces(MediaType.APPLICATION_JSON)
    public AnswerResponse answer(AnswerRequest body) throws IOException, InterruptedException {
        return answers.write(searched(body), text -> { });
    }

    @POST
    @Path("answer")
    @Blocking
    @RateLimited(RequestKind.ANSWER)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> streamAnswer(AnswerRequest body) throws IOException, InterruptedException {
        return stream(searched(body));
    }

    @POST
    @Path("chat")
    @Blocking
    @RateLimited(RequestKind.CHAT)
    @Produces(MediaType.APPLICATION_JSON)
    public AnswerResponse chat(ChatRequest body) throws IOException, InterruptedException {
        return answers.write(searched(body), text -> { });
    }

    @POST
    @Path("chat")
    @Blocking
    @RateLimited(RequestKind.CHAT)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> streamChat(ChatRequest body) throws IOException, InterruptedException {
        return stream(searched(body));
    }

    private AnswerService.Searched searched(AnswerRequest body) throws IOException, InterruptedException {
        if (body == null) {
            throw new InvalidQueryException("send a JSON body {\"query\": \"...\"}");
        }
        int limit = body.limit() == null ? AnswerService.DEFAULT_SOURCES : body.limit();
        if (limit < 1 || limit > MAX_SOURCES) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_SOURCES + ", got " + limit);
        }
        return audited(AuditAction.ANSWER, body.query(), answers.search(body.query(), limit, principals.of(identity)));
    }

    private AnswerService.Searched searched(ChatRequest body) throws IOException, InterruptedException {
        if (body == null) {
            throw new InvalidQueryException("send a JSON body {\"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}");
        }
        var turns = body.turns();
        return audited(AuditAction.CHAT, turns.getLast().content(), answers.search(turns, principals.of(identity)));
    }

    /** The sources the writer will read are what the answer returns: the audit log records them before it streams. */
    private AnswerService.Searched audited(AuditAction action, String asked, AnswerService.Searched searched) {
        audit.record(identity, action, asked, action == AuditAction.CHAT ? searched.query() : null,
                searched.result().page().stream().map(Candidate::docId).toList());
        return searched;
    }

    /**
     * The answer's events, written on their own thread once the stream is subscribed to; a reader who goes
     * away cancels the stream, which stops the writer.
     */
    private Multi<OutboundSseEvent> stream(AnswerService.Searched searched) {
        return Multi.createFrom().emitter(emitter -> Thread.ofVirtual().name("answer-stream").start(() -> {
            try {
                AnswerResponse done = answers.write(searched, text -> {
                    if (emitter.isCancelled()) {
                        throw new IllegalStateException("the reader closed the stream");
                    }
                    emitter.emit(event("token", Map.of("text", text)));
                });
                emitter.emit(event("done", done));
                emitter.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.fail(e);
            } catch (RuntimeException e) {
                if (!emitter.isCancelled()) {
                    LOG.errorf(e, "an answer stream failed");
                }
                emitter.fail(e);
            }
        }));
    }

    /** An event of {@code data} as JSON, written here so that it carries no field but {@code event} and {@code data}. */
    private OutboundSseEvent event(String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(mapper.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + name + " event as JSON", e);
        }
    }
}
