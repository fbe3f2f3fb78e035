package dev.sextant.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final InstantSource clock = () -> now.get();

    @Test
    void aMinutesBudgetPassesAtOnceThenTheNextWaitsForOneToken() {
        RateLimiter limiter = new RateLimiter(Map.of(RequestKind.SEARCH, 6), 100, clock);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("bob", RequestKind.SEARCH)).as("request %d", i + 1).isZero();
        }
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isEqualTo(Duration.ofSeconds(10));
        now.set(now.get().plusSeconds(4));
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).as("a refused request takes nothing")
                .isEqualTo(Duration.ofSeconds(6));
        now.set(now.get().plusSeconds(6));
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isZero();
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void usersAndKindsHaveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter(Map.of(RequestKind.SEARCH, 1, RequestKind.ANSWER, 1), 100, clock);
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isZero();
        assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isPositive();
        assertThat(limiter.acquire("alice", RequestKind.SEARCH)).isZero();
        assertThat(limiter.acquire("bob", RequestKind.ANSWER)).isZero();
    }

    @Test
    void aQuietBucketRefillsOnlyUpToTheBudget() {
        RateLimiter limiter = new RateLimiter(Map.of(RequestKind.CHAT, 2), 100, clock);
        limiter.acquire("bob", RequestKind.CHAT);
        now.set(now.get().plus(Duration.ofHours(3)));
        assertThat(limiter.acquire("bob", RequestKind.CHAT)).isZero();
        assertThat(limiter.acquire("bob", RequestKind.CHAT)).isZero();
        assertThat(limiter.acquire("bob", RequestKind.CHAT)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBudgetOfZeroIsNoLimit() {
        RateLimiter limiter = new RateLimiter(Map.of(RequestKind.SEARCH, 0), 100, clock);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("bob", RequestKind.SEARCH)).isZero();
        }
        assertThat(limiter.budget(RequestKind.SEARCH)).isZero();
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentlyUsed() {
        RateLimiter limiter = new RateLimiter(Map.of(RequestKind.SEARCH, 1), 2, clock);
        limiter.acquire("a", RequestKind.SEARCH);
        limiter.acquire("b", RequestKind.SEARCH);
        limiter.acquire("a", RequestKind.SEARCH);
        limiter.acquire("c", RequestKind.SEARCH);
        assertThat(limiter.acquire("a", RequestKind.SEARCH)).as("a was used most recently: still empty").isPositive();
        assertThat(limiter.acquire("b", RequestKind.SEARCH)).as("b was forgotten: full again").isZero();
    }
}
