package dev.sextant.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log.
 *
 * @param user     the signed-in account's name
 * @param email    the email it was resolved by, when it has one
 * @param query    what the person typed: the search, the question, or a chat's last message
 * @param searched for chat, the standalone query that was actually searched; else null
 * @param docIds   the documents returned, best first, after the access guard
 */
public record AuditEvent(Instant at, String user, String email, AuditAction action, String query, String searched,
                         List<String> docIds) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(query, "query");
        docIds = List.copyOf(docIds);
    }
}
