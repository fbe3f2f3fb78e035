package dev.sextant.connectors.gdrive;

import java.io.IOException;
import java.util.Map;

/** A user's OAuth refresh token, exchanged with the OAuth client's id and secret (grant type {@code refresh_token}). */
final class RefreshTokenGrant implements AccessTokens.Grant {

    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final TokenEndpoint endpoint;

    RefreshTokenGrant(String clientId, String clientSecret, String refreshToken, TokenEndpoint endpoint) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.endpoint = endpoint;
    }

    @Override
    public AccessTokens.Token obtain() throws IOException, InterruptedException {
        return endpoint.exchange(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "client_secret", clientSecret, "refresh_token", refreshToken));
    }
}
