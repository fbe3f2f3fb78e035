package dev.sextant.gateway.auth;

import dev.sextant.gateway.security.LoginSession;
import dev.sextant.gateway.security.SessionStore;
import dev.sextant.gateway.security.SessionTokenRequest;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The signed-in session of the form login: the cookie's token must name a live session in the
 * {@link SessionStore}, whose account is looked up again (still there, still the same password).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    private final SessionStore sessions;
    private final AccountIdentities identities;

    SessionIdentityProvider(SessionStore sessions, AccountIdentities identities) {
        this.sessions = sessions;
        this.identities = identities;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            LoginSession session = sessions.find(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("no such session, or it has ended"));
            return identities.forSession(session.username(), session.credentialTag());
        });
    }
}
