package dev.sextant.gateway.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential back-off of failed sign-ins, counted per account name and per client address.
 *
 * <p>An attempt is counted as a failure when it begins, so that parallel guesses cannot slip past the
 * threshold; {@link #succeeded} then resets the account and takes the attempt back from the address. After
 * {@code freeFailures} failures each further one waits {@code base}, doubling up to {@code cap}. An address
 * gets more free failures than an account (many people may share one address); a success resets only the
 * account, so that a guesser holding one valid account cannot clear its address between guesses. A key quiet
 * for {@link Policy#forgetAfter} is forgotten, and each map holds at most {@link Policy#capacity} keys (the
 * least recently used go first), so memory stays bounded whatever an attacker sends.
 */
public final class LoginThrottle {

    /** The numbers of the back-off. */
    public record Policy(int accountFreeFailures, int addressFreeFailures, Duration base, Duration cap,
                         Duration forgetAfter, int capacity) {

        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 10_000);
    }

    private static final class Failures {
        int count;
        Instant last;
    }

    private final Policy policy;
    private final InstantSource clock;
    private final Map<String, Failures> accounts;
    private final Map<String, Failures> addresses;

    public LoginThrottle(Policy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
        this.accounts = lru(policy.capacity());
        this.addresses = lru(policy.capacity());
    }

    /**
     * Begins a sign-in attempt: {@link Duration#ZERO} when it may go on (and it is counted as a failure until
     * {@link #succeeded}), otherwise how long the client must wait; a refused attempt is not counted.
     */
    public synchronized Duration begin(String account, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        Duration wait = max(waitFor(accounts, account, policy.accountFreeFailures(), now),
                waitFor(addresses, addressKey, policy.addressFreeFailures(), now));
        if (!wait.isZero()) {
            return wait;
        }
        fail(accounts, account, now);
        fail(addresses, addressKey, now);
        return Duration.ZERO;
    }

    /** The attempt begun for this account and address had the right password. */
    public synchronized void succeeded(String account, String address) {
        accounts.remove(account);
        Failures f = addresses.get(addressKey(address));
        if (f != null && --f.count <= 0) {
            addresses.remove(addressKey(address));
        }
    }

    /** Keys currently remembered, accounts and addresses together. */
    public synchronized int size() {
        return accounts.size() + addresses.size();
    }

    /** The back-off after {@code failures} failures of a key allowed {@code free} of them. */
    Duration delay(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        if (doublings >= 62 || policy.base().multipliedBy(1L << doublings).compareTo(policy.cap()) > 0) {
            return policy.cap();
        }
        return policy.base().multipliedBy(1L << doublings);
    }

    private Duration waitFor(Map<String, Failures> map, String key, int free, Instant now) {
        Failures f = map.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        if (!now.isBefore(f.last.plus(policy.forgetAfter()))) {
            map.remove(key);
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last.plus(delay(f.count, free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void fail(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        if (f == null) {
            if (map.size() >= policy.capacity()) {
                forgetQuiet(map, now);
            }
            f = new Failures();
            map.put(key, f);
        }
        f.count++;
        f.last = now;
    }

    private void forgetQuiet(Map<String, Failures> map, Instant now) {
        Instant horizon = now.minus(policy.forgetAfter());
        for (Iterator<Failures> it = map.values().iterator(); it.hasNext(); ) {
            if (!it.next().last.isAfter(horizon)) {
                it.remove();
            }
        }
    }

    /** IPv6 clients are counted per /64, the block one subscriber usually gets; IPv4 per address. */
    static String addressKey(String address) {
        InetAddress a = AddressRange.literalOrNull(address);
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString((b[i] & 0xff) << 8 | (b[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return a == null ? String.valueOf(address) : a.getHostAddress();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Map<String, Failures> lru(int capacity) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > capacity;
            }
        };
    }
}
