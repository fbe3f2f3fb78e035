package dev.sextant.gateway.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets per user and kind of request. A user's bucket for a kind holds at most that kind's
 * per-minute budget and refills at that budget per minute, so a burst of a minute's worth passes and a steady
 * client gets exactly the budget. A budget of zero or less means no limit. At most {@code capacity} buckets are
 * remembered (the least recently used go first; a forgotten bucket comes back full, which errs on the side of the
 * person, not the limit), so memory stays bounded whatever callers send.
 */
public final class RateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private static final class Bucket {
        double tokens;
        Instant at;
    }

    private record Key(String user, RequestKind kind) {
    }

    private final Map<RequestKind, Integer> perMinute;
    private final InstantSource clock;
    private final Map<Key, Bucket> buckets;

    public RateLimiter(Map<RequestKind, Integer> perMinute, int capacity, InstantSource clock) {
        this.perMinute = new EnumMap<>(perMinute);
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Bucket> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Takes one request from the user's bucket for this kind: {@link Duration#ZERO} when it may go on, otherwise
     * how long until the bucket holds a request again (nothing is taken then).
     */
    public synchronized Duration acquire(String user, RequestKind kind) {
        int budget = perMinute.getOrDefault(kind, 0);
        if (budget <= 0) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(new Key(user, kind), k -> {
            Bucket full = new Bucket();
            full.tokens = budget;
            full.at = now;
            return full;
        });
        long elapsed = Math.max(0, Duration.between(bucket.at, now).toNanos());
        bucket.tokens = Math.min(budget, bucket.tokens + (double) elapsed * budget / NANOS_PER_MINUTE);
        bucket.at = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * NANOS_PER_MINUTE / budget));
    }

    /** The budget per minute of this kind; zero when unlimited. */
    public int budget(RequestKind kind) {
        return Math.max(0, perMinute.getOrDefault(kind, 0));
    }
}
