package dev.sextant.gateway.auth;

import dev.sextant.gateway.security.LoginThrottledException;
import dev.sextant.gateway.security.TrustedProxies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Username and password from HTTP Basic, checked against built-in accounts for the client's address; a
 * throttled attempt fails with the {@link LoginThrottledException} as its cause, which becomes a 429.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountIdentities identities;
    private final TrustedProxies proxies;

    PasswordIdentityProvider(AccountIdentities identities, TrustedProxies proxies) {
        this.identities = identities;
        this.proxies = proxies;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "unknown" : proxies.clientAddress(http.request());
        return context.runBlocking(() -> {
            try {
                return identities.withPassword(request.getUsername(), request.getPassword().getPassword(), address);
            } catch (LoginThrottledException e) {
                throw new AuthenticationFailedException(e.getMessage(), e);
            }
        });
    }
}
