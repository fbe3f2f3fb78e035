package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * MediaWiki's "slow down": an API error {@code maxlag} (HTTP 200 from api.php, 503 elsewhere) with
 * {@code Retry-After} and {@code X-Database-Lag}, and {@code ratelimited}. The error code is read from the
 * {@code MediaWiki-API-Error} header, or from the body when a proxy dropped the header. Without {@code Retry-After}
 * the wait is five seconds, as the manual recommends.
 */
public final class MediaWikiRateLimits implements RateLimitRule {

    public static final MediaWikiRateLimits INSTANCE = new MediaWikiRateLimits();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEFAULT_WAIT_SECONDS = 5;

    private MediaWikiRateLimits() {
    }

    @Override
    public Optional<Throttle> refused(SourceResponse response, Instant now) {
        Optional<String> code = errorCode(response);
        if (code.isEmpty() || !(code.get().equals("maxlag") || code.get().equals("ratelimited"))) {
            return Optional.empty();
        }
        Instant until = RateLimitRule.retryAfter(response, now).orElse(now.plusSeconds(DEFAULT_WAIT_SECONDS));
        String lag = response.header("X-Database-Lag").map(l -> ", database lag " + l.strip() + " s").orElse("");
        return Optional.of(new Throttle(Optional.of(until),
                "MediaWiki " + code.get() + " from " + response.uri().getHost() + lag));
    }

    private static Optional<String> errorCode(SourceResponse response) {
        Optional<String> header = response.header("MediaWiki-API-Error").map(String::strip);
        if (header.isPresent()) {
            return header;
        }
        if (response.status() != 200 && response.status() != 503 || response.body().length == 0
                || response.body()[0] != '{') {
            return Optional.empty();
        }
        try {
            JsonNode code = JSON.readTree(response.body()).path("error").path("code");
            return code.isTextual() ? Optional.of(code.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
