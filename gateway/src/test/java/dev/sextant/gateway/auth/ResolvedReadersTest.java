package dev.sextant.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.IdentityDirectory;
import dev.sextant.acl.MemoryDirectory;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ResolvedReadersTest {

    private Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final InstantSource clock = () -> now;
    private final AtomicInteger resolutions = new AtomicInteger();
    private final Supplier<Principals> resolve = () -> {
        resolutions.incrementAndGet();
        return Principals.of(Principal.PUBLIC);
    };

    @Test
    void aResolutionIsReusedWhileTheDirectoryIsTheSameAndYoung() {
        ResolvedReaders cache = new ResolvedReaders(Duration.ofSeconds(10), 100, clock);
        IdentityDirectory directory = MemoryDirectory.builder().build();
        cache.get(directory, "a@x.example", Set.of("staff"), resolve);
        cache.get(directory, "a@x.example", Set.of("staff"), resolve);
        assertThat(resolutions).hasValue(1);
        cache.get(directory, "a@x.example", Set.of("staff", "finance"), resolve);
        assertThat(resolutions).as("other provider groups").hasValue(2);
        now = now.plusSeconds(11);
        cache.get(directory, "a@x.example", Set.of("staff"), resolve);
        assertThat(resolutions).as("expired").hasValue(3);
    }

    @Test
    void aNewDirectoryResolvesAfreshAtOnce() {
        ResolvedReaders cache = new ResolvedReaders(Duration.ofMinutes(10), 100, clock);
        cache.get(MemoryDirectory.builder().build(), "a@x.example", Set.of(), resolve);
        cache.get(MemoryDirectory.builder().build(), "a@x.example", Set.of(), resolve);
        assertThat(resolutions).hasValue(2);
    }

    @Test
    void theLeastRecentlyUsedGoFirstBeyondTheCapacity() {
        ResolvedReaders cache = new ResolvedReaders(Duration.ofMinutes(10), 2, clock);
        IdentityDirectory directory = IdentityDirectory.EMPTY;
        cache.get(directory, "a@x.example", Set.of(), resolve);
        cache.get(directory, "b@x.example", Set.of(), resolve);
        cache.get(directory, "a@x.example", Set.of(), resolve);
        cache.get(directory, "c@x.example", Set.of(), resolve);
        cache.get(directory, "a@x.example", Set.of(), resolve);
        assertThat(resolutions).as("a kept, b evicted").hasValue(3);
        cache.get(directory, "b@x.example", Set.of(), resolve);
        assertThat(resolutions).hasValue(4);
    }
}
