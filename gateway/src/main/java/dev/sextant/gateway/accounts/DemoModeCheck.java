package dev.sextant.gateway.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Demo mode publishes its accounts' password, so it runs only alone and only on loopback: never beside a real
 * source, never on an address others can reach. The server checks this at start, the launcher before it.
 */
public final class DemoModeCheck {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]+]?");

    private DemoModeCheck() {
    }

    /** Throws {@link IllegalStateException} saying why, when demo mode is on beside real sources or off loopback. */
    public static void require(boolean demo, List<Path> realSources, String httpHost) {
        if (!demo) {
            return;
        }
        if (!realSources.isEmpty()) {
            throw new IllegalStateException("demo mode (sextant.demo.enabled=true) cannot run beside real sources "
                    + "(sextant.fs.roots=" + realSources + "): the demo accounts' password is published. Start "
                    + "either the demo (./sextant) or your folders (./sextant serve --fs DIR), not both");
        }
        if (!isLoopback(httpHost)) {
            throw new IllegalStateException("demo mode (sextant.demo.enabled=true) listens on loopback only, but "
                    + "quarkus.http.host is " + httpHost + ": the demo accounts' password is published. Serve the "
                    + "network without demo mode (--no-demo or --fs DIR, accounts from ./sextant user add), or "
                    + "listen on 127.0.0.1");
        }
    }

    /** {@code localhost}, 127.0.0.0/8 or ::1; host names other than localhost are not resolved and count as not. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(h).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
