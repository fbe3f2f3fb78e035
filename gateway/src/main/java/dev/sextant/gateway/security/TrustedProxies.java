package dev.sextant.gateway.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * What a request says about its client, believing {@code X-Forwarded-*} headers only when the connection comes
 * from a configured trusted proxy ({@code sextant.http.trusted-proxies}); with none configured they are ignored.
 */
@ApplicationScoped
public class TrustedProxies {

    private final List<AddressRange> proxies;

    @Inject
    TrustedProxies(WebSecurityConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    public TrustedProxies(List<String> proxies) {
        this.proxies = proxies.stream().filter(p -> !p.isBlank()).map(AddressRange::parse).toList();
    }

    public boolean trusts(String address) {
        InetAddress a = AddressRange.literalOrNull(address);
        return a != null && proxies.stream().anyMatch(range -> range.contains(a));
    }

    /**
     * The peer, or when the peer is a trusted proxy, the nearest address in {@code X-Forwarded-For} (read from
     * the right) that is not itself a trusted proxy.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = withoutPort(hops.get(i));
            if (AddressRange.literalOrNull(hop) == null) {
                break;
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** Whether the client's request came over TLS: to us directly, or to a trusted proxy that says so. */
    public boolean https(boolean tls, String peer, String forwardedProto) {
        return tls || trusts(peer) && forwardedProto != null
                && "https".equalsIgnoreCase(forwardedProto.split(",")[0].strip());
    }

    /** The host (and port) the client addressed: {@code Host}, or a trusted proxy's {@code X-Forwarded-Host}. */
    public String authority(String peer, String host, String forwardedHost) {
        if (forwardedHost != null && !forwardedHost.isBlank() && trusts(peer)) {
            return forwardedHost.split(",")[0].strip();
        }
        return host;
    }

    public String clientAddress(HttpServerRequest request) {
        return clientAddress(peer(request), request.headers().getAll("X-Forwarded-For"));
    }

    public boolean https(HttpServerRequest request) {
        return https(request.isSSL(), peer(request), request.getHeader("X-Forwarded-Proto"));
    }

    /** This server's origin as the client sees it, e.g. {@code https://search.example.com}. */
    public String origin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        String host = authority == null ? request.getHeader("Host") : authority.toString();
        return (https(request) ? "https" : "http") + "://"
                + authority(peer(request), host, request.getHeader("X-Forwarded-Host"));
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "" : remote.hostAddress();
    }

    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
