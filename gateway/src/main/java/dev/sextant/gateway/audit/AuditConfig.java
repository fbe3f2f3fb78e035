package dev.sextant.gateway.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit log's settings ({@code sextant.audit.*}). */
@ConfigMapping(prefix = "sextant.audit")
public interface AuditConfig {

    /** How long events are kept; older ones are deleted at start and then once a day. */
    @WithDefault("90d")
    Duration retention();
}
