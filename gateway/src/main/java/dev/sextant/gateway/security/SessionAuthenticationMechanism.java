package dev.sextant.gateway.security;

import dev.sextant.gateway.auth.SignInConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs a request in from its session cookie. A cookie that names no live session (signed out, expired, its
 * account gone or its password changed) makes the request anonymous and is deleted from the browser; the
 * endpoint then answers 401 if it needs someone signed in. Tried before HTTP Basic, and it sends the challenge.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionCookie cookie;
    private final String challenge;

    SessionAuthenticationMechanism(SessionCookie cookie, SignInConfig signIn) {
        this.cookie = cookie;
        this.challenge = signIn.builtin() ? "Basic realm=\"Sextant\", charset=\"UTF-8\"" : "Bearer realm=\"Sextant\"";
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = SessionCookie.token(context.request());
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new SessionTokenRequest(token), context);
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).recoverWithUni(() -> {
                    cookie.expire(context.request(), context.response());
                    return Uni.createFrom().nullItem();
                });
    }

    /**
     * 401, with a challenge only for clients that are not browsers: a browser would answer a Basic one with its
     * own password dialog over the page, while the page has its own sign-in. Browsers send
     * {@code Sec-Fetch-Mode}; curl and API libraries do not. The challenge is Basic for built-in accounts and
     * Bearer in the {@code oidc} mode; an API request is never redirected to the provider's login page.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (context.request().getHeader("Sec-Fetch-Mode") != null) {
            return Uni.createFrom().item(new ChallengeData(401));
        }
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", challenge));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    @Override
    public int getPriority() {
        return BasicAuthenticationMechanism.PRIORITY + 1000;
    }
}
