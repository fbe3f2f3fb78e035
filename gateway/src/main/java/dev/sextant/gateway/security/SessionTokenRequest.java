package dev.sextant.gateway.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token of a session cookie, to be turned into the identity of whoever signed in with it. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
