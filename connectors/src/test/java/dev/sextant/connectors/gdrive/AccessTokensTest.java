package dev.sextant.connectors.gdrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger obtained = new AtomicInteger();
    private final AccessTokens tokens = new AccessTokens(() -> new AccessTokens.Token(
            "token-" + obtained.incrementAndGet(), now.plus(Duration.ofHours(1))), clock);

    @Test
    void aTokenIsReusedUntilFiveMinutesBeforeItExpiresThenRenewed() throws Exception {
        assertThat(tokens.current()).isEqualTo("token-1");
        now = now.plus(Duration.ofMinutes(54));
        assertThat(tokens.current()).isEqualTo("token-1");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(tokens.current()).isEqualTo("token-2");
    }

    @Test
    void aRefusedTokenIsReplacedButAnOlderRefusalLeavesTheCurrentOne() throws Exception {
        String first = tokens.current();
        tokens.invalidate(first);
        String second = tokens.current();
        assertThat(second).isEqualTo("token-2");
        tokens.invalidate(first);
        assertThat(tokens.current()).isEqualTo(second);
    }
}
