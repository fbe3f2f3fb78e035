package dev.sextant.gateway.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-site request forgery defence by origin: a state-changing request must come from this server's own
 * origin or an allowed one, as its {@code Origin} (or, without one, its {@code Referer}) says, and never with
 * {@code Sec-Fetch-Site: cross-site}. Browsers send {@code Origin} on every POST; a request with neither header
 * is a non-browser client (curl with HTTP Basic) and may pass, unless it carries a session cookie.
 */
public final class OriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> allowed;

    /** @param allowedOrigins further origins, e.g. {@code https://search.example.com}; refused if malformed */
    public OriginCheck(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().filter(o -> !o.isBlank()).map(o -> normalized(o)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "sextant.http.allowed-origins: not an origin (scheme://host[:port]): '" + o + "'")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why this request must be refused, or empty when it may go on. */
    public Optional<String> refusal(String method, String ownOrigin, String origin, String referer,
                                    String secFetchSite, boolean carriesSession) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if ("cross-site".equalsIgnoreCase(secFetchSite)) {
            return Optional.of("cross-site request refused (Sec-Fetch-Site: cross-site)");
        }
        String claimed = origin != null ? origin : referer;
        if (claimed == null) {
            return carriesSession
                    ? Optional.of("request refused: a signed-in browser request must carry Origin or Referer")
                    : Optional.empty();
        }
        Optional<String> from = normalized(claimed);
        String own = normalized(ownOrigin).orElse(ownOrigin);
        if (from.isPresent() && (from.get().equals(own) || allowed.contains(from.get()))) {
            return Optional.empty();
        }
        return Optional.of("cross-origin request refused: " + (origin != null ? "Origin " : "Referer ")
                + from.orElse("'" + abbreviated(claimed) + "'") + " is neither this server (" + own
                + ") nor in sextant.http.allowed-origins");
    }

    /** {@code scheme://host:port} in lower case with the port spelled out, or empty for {@code null} and junk. */
    static Optional<String> normalized(String originOrUrl) {
        try {
            URI uri = new URI(originOrUrl.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
