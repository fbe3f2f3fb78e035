package dev.sextant.bench.load;

import dev.sextant.bench.UsageException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one load run does: the loopback server it targets, how many signed-in users, for how long, the cap on
 * each user's requests, the per-request timeout and the accounts the users cycle through.
 */
public record LoadSettings(URI url, int users, Duration duration, int maxRequestsPerUser, Duration requestTimeout,
                           List<String> accounts, String password, Path out) {

    /** The demo accounts, each with different access. */
    public static final List<String> DEMO_ACCOUNTS = List.of("alice", "bob", "carol", "admin");

    public LoadSettings {
        if (users < 1 || users > 1000) {
            throw new UsageException("--users must be 1 to 1000, got " + users);
        }
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() > 3600) {
            throw new UsageException("--seconds must be 1 to 3600, got " + duration.toSeconds());
        }
        if (maxRequestsPerUser < 1) {
            throw new UsageException("--max-requests must be at least 1, got " + maxRequestsPerUser);
        }
        if (accounts.isEmpty()) {
            throw new UsageException("no accounts to sign in as");
        }
        accounts = List.copyOf(accounts);
        requireLoopback(url);
    }

    /** The account user number {@code i} (from 0) signs in as. */
    public String account(int i) {
        return accounts.get(i % accounts.size());
    }

    /** The load command only ever targets this machine: it is a benchmark, not a way to flood a server. */
    static void requireLoopback(URI url) {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new UsageException("--url must be http://HOST:PORT, got " + url);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new UsageException("--url must be a loopback address (127.0.0.1, ::1, localhost), got "
                            + url.getHost() + " (" + address.getHostAddress() + ")");
                }
            }
        } catch (UnknownHostException e) {
            throw new UsageException("--url host " + url.getHost() + " does not resolve");
        }
    }
}
