package dev.sextant.connectors.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.connectors.spi.InvalidSourceException;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A service account's JSON key file as Google issues it: {@code client_email}, {@code private_key_id},
 * {@code private_key} (PKCS#8 PEM) and {@code token_uri}.
 */
record ServiceAccountKey(String clientEmail, String keyId, PrivateKey privateKey, URI tokenUri) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ServiceAccountKey parse(String keyFile) throws InvalidSourceException {
        JsonNode json;
        try {
            json = JSON.readTree(keyFile);
        } catch (IOException e) {
            throw new InvalidSourceException("service_account_json is not JSON: paste the whole key file");
        }
        if (!"service_account".equals(json.path("type").asText())) {
            throw new InvalidSourceException("service_account_json is not a service account key file (its type is '"
                    + json.path("type").asText("") + "', expected 'service_account')");
        }
        for (String field : new String[] {"client_email", "private_key", "token_uri"}) {
            if (json.path(field).asText("").isBlank()) {
                throw new InvalidSourceException("service_account_json has no '" + field + "'");
            }
        }
        return new ServiceAccountKey(json.get("client_email").asText(), json.path("private_key_id").asText(""),
                privateKey(json.get("private_key").asText()), URI.create(json.get("token_uri").asText()));
    }

    private static PrivateKey privateKey(String pem) throws InvalidSourceException {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidSourceException("service_account_json's private_key is not a PKCS#8 RSA key in PEM");
        }
    }
}
