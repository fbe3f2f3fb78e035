package dev.sextant.gateway.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Username and password pairs that passed bcrypt a moment ago, so that an API client sending HTTP Basic on
 * every request pays bcrypt once a minute rather than every time.
 *
 * <p>Entries are keyed by SHA-256 over a per-process random salt, the username, the password and the stored
 * password hash the password was checked against: the plain password is never kept, a key is useless outside
 * this process, and a changed password (a new stored hash, even one written by another process) misses.
 * Entries live {@code ttl}; at most {@code capacity} are kept, the least recently used going first.
 */
public final class CredentialCache {

    private final byte[] salt = new byte[32];
    private final Duration ttl;
    private final InstantSource clock;
    private final Map<String, Instant> verified;

    public CredentialCache(Duration ttl, int capacity, InstantSource clock) {
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether this password was verified against this stored hash within the last {@code ttl}. */
    public boolean contains(String username, char[] password, String storedHash) {
        String key = key(username, password, storedHash);
        synchronized (verified) {
            Instant until = verified.get(key);
            if (until == null) {
                return false;
            }
            if (!clock.instant().isBefore(until)) {
                verified.remove(key);
                return false;
            }
            return true;
        }
    }

    /** Records that this password matched this stored hash just now. */
    public void remember(String username, char[] password, String storedHash) {
        String key = key(username, password, storedHash);
        synchronized (verified) {
            verified.put(key, clock.instant().plus(ttl));
        }
    }

    public int size() {
        synchronized (verified) {
            return verified.size();
        }
    }

    private String key(String username, char[] password, String storedHash) {
        MessageDigest sha = sha256();
        sha.update(salt);
        field(sha, username.getBytes(StandardCharsets.UTF_8));
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        field(sha, bytes);
        Arrays.fill(bytes, (byte) 0);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        field(sha, storedHash.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    /** Length-prefixed, so that no two different (username, password) pairs hash the same bytes. */
    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
        sha.update(value);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
