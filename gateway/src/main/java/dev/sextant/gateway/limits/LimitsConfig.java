package dev.sextant.gateway.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-user rate limits and request size limits ({@code sextant.limits.*}); zero turns a rate limit off. */
@ConfigMapping(prefix = "sextant.limits")
public interface LimitsConfig {

    /** Searches per user per minute ({@code GET /api/search}). */
    @WithDefault("120")
    int searchPerMinute();

    /** Answers per user per minute ({@code POST /api/answer}). */
    @WithDefault("30")
    int answerPerMinute();

    /** Chat turns per user per minute ({@code POST /api/chat}). */
    @WithDefault("30")
    int chatPerMinute();

    /** The largest request body the API reads; a larger one is a 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();
}
