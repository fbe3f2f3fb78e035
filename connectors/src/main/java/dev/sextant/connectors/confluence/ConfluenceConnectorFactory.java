package dev.sextant.connectors.confluence;

import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Makes {@code confluence} sources ({@link ConfluenceConnector}, Confluence Cloud) from their definitions. */
public final class ConfluenceConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return "confluence";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                new SettingSpec("base_url", true, false, "the site, e.g. https://acme.atlassian.net"),
                new SettingSpec("spaces_include", false, false, "space keys to index, comma separated (default all)"),
                new SettingSpec("spaces_exclude", false, false, "space keys never to index, comma separated"),
                new SettingSpec("email", false, false, "the account's email, with api_token (Basic auth)"),
                new SettingSpec("api_token", false, true, "an API token of that account (id.atlassian.com)"),
                new SettingSpec("access_token", false, true, "an OAuth 2.0 access token instead (Bearer)"));
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        String where = "confluence source " + definition.id() + ": ";
        URI site;
        try {
            site = URI.create(definition.required("base_url").replaceAll("/+$", "").replaceAll("/wiki$", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(where + "'base_url' is not a URL: " + e.getMessage());
        }
        if (site.getHost() == null || !("https".equals(site.getScheme()) || "http".equals(site.getScheme()))) {
            throw new InvalidSourceException(where + "'base_url' must be the site's https URL, was " + site);
        }
        return create(new ConfluenceConnector.Config(definition.id(), site, keys(definition, "spaces_include"),
                keys(definition, "spaces_exclude")), authorization(definition, where), context.http(), context.clock());
    }

    static ConfluenceConnector create(ConfluenceConnector.Config config, String authorization, SourceHttp http,
                                      Clock clock) {
        return new ConfluenceConnector(config, new ConfluenceApi(config.site(), http, authorization), clock);
    }

    /** Basic {@code email:api_token}, else Bearer {@code access_token}. */
    static String authorization(SourceDefinition definition, String where) throws InvalidSourceException {
        Optional<String> email = definition.setting("email");
        Optional<String> token = definition.secret("api_token");
        if (email.isPresent() && token.isPresent()) {
            return basic(email.get(), token.get());
        }
        Optional<String> bearer = definition.secret("access_token");
        if (bearer.isPresent()) {
            return "Bearer " + bearer.get();
        }
        throw new InvalidSourceException(where + "needs 'email' with the secret 'api_token', or the secret "
                + "'access_token'");
    }

    static String basic(String email, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> keys(SourceDefinition definition, String name) {
        return definition.setting(name).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet())).orElse(Set.of());
    }
}
