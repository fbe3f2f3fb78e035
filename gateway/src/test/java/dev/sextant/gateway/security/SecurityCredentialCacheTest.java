package dev.sextant.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecurityCredentialCacheTest {

    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock();
    private final CredentialCache cache = new CredentialCache(Duration.ofSeconds(60), 3, clock);

    @Test
    void aVerifiedPasswordIsKnownForTheTtlAndOnlyForTheSameStoredHash() {
        cache.remember("bob", "s3cret".toCharArray(), "$2a$10$hashA");
        assertThat(cache.contains("bob", "s3cret".toCharArray(), "$2a$10$hashA")).isTrue();
        assertThat(cache.contains("bob", "s3cret!".toCharArray(), "$2a$10$hashA")).as("another password").isFalse();
        assertThat(cache.contains("alice", "s3cret".toCharArray(), "$2a$10$hashA")).as("another user").isFalse();
        assertThat(cache.contains("bob", "s3cret".toCharArray(), "$2a$10$hashB"))
                .as("the password was changed (new stored hash)").isFalse();

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.contains("bob", "s3cret".toCharArray(), "$2a$10$hashA")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.contains("bob", "s3cret".toCharArray(), "$2a$10$hashA")).as("expired").isFalse();
    }

    @Test
    void usernameAndPasswordCannotBeShiftedIntoOneAnother() {
        cache.remember("bo", "bs3cret".toCharArray(), "h");
        assertThat(cache.contains("bob", "s3cret".toCharArray(), "h")).isFalse();
    }

    @Test
    void itHoldsAtMostItsCapacity() {
        for (int i = 0; i < 10; i++) {
            cache.remember("user" + i, "pw".toCharArray(), "h");
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.contains("user9", "pw".toCharArray(), "h")).isTrue();
        assertThat(cache.contains("user0", "pw".toCharArray(), "h")).isFalse();
    }
}
