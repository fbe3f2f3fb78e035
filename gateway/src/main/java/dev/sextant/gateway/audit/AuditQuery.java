package dev.sextant.gateway.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which events to read.
 *
 * @param since inclusive; empty for the oldest kept
 * @param until exclusive; empty for now
 * @param user  an account name or an email, matched exactly; empty for everyone
 */
public record AuditQuery(Optional<Instant> since, Optional<Instant> until, Optional<String> user) {

    public static final AuditQuery ALL = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty());
}
