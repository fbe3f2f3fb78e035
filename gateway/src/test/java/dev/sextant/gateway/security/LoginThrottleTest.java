package dev.sextant.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock);

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesFromOneSecondToFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("bob", "192.0.2.1")).as("failure %d", i + 1).isZero();
        }
        assertThat(throttle.begin("bob", "192.0.2.1")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.begin("bob", "192.0.2.1")).as("the wait is over").isZero();
        assertThat(throttle.begin("bob", "192.0.2.1")).isEqualTo(Duration.ofSeconds(2));

        assertThat(throttle.delay(5, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(8, 5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.delay(15, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(500, 5)).as("no overflow").isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aRefusedAttemptIsNotCountedAndASuccessResetsTheAccount() {
        failTimes("carol", "192.0.2.2", 5);
        assertThat(throttle.begin("carol", "192.0.2.2")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.begin("carol", "192.0.2.2")).as("refusals do not extend the wait")
                .isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.begin("carol", "192.0.2.2")).isZero();
        throttle.succeeded("carol", "192.0.2.2");
        failTimes("carol", "192.0.2.2", 5);
        assertThat(throttle.begin("carol", "192.0.2.2")).as("the count started again after the success")
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anAddressSprayingManyAccountsIsThrottledButOtherAddressesAreNot() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.begin("user" + i, "198.51.100.7")).isZero();
        }
        assertThat(throttle.begin("user-next", "198.51.100.7")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.begin("user-next", "198.51.100.8")).isZero();
    }

    @Test
    void oneAccountGuessedFromManyAddressesIsThrottled() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("admin", "203.0.113." + i)).isZero();
        }
        assertThat(throttle.begin("admin", "203.0.113.99")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anIpv6ClientCountsPerSlash64() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:bbbb::9"))
                .isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
    }

    @Test
    void quietKeysAreForgottenAndTheMapsNeverOutgrowTheirCapacity() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Policy(5, 20, Duration.ofSeconds(1),
                Duration.ofMinutes(15), Duration.ofHours(1), 100), clock);
        for (int i = 0; i < 1_000; i++) {
            small.begin("user" + i, "10.0." + i / 250 + "." + i % 250);
        }
        assertThat(small.size()).isLessThanOrEqualTo(200).isGreaterThan(0);

        for (int i = 0; i < 5; i++) {
            throttle.begin("dave", "192.0.2.5");
        }
        assertThat(throttle.begin("dave", "192.0.2.5")).isPositive();
        clock.advance(Duration.ofHours(1));
        assertThat(throttle.begin("dave", "192.0.2.5")).isZero();
        assertThat(throttle.size()).as("dave and his address, counted afresh").isEqualTo(2);
    }

    private void failTimes(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.begin(account, address)).isZero();
        }
    }

    static final class MutableClock implements InstantSource {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
