package dev.sextant.connectors.github;

import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code github} sources: an organisation's or a user's repositories on github.com or GitHub Enterprise
 * Server, with a personal access token ({@code token}) or as a GitHub App installation ({@code app_id},
 * {@code installation_id}, {@code private_key}). Its HTTP client should use {@link #rateLimits()}.
 */
public final class GitHubConnectorFactory implements ConnectorFactory {

    @Override
    public String kind() {
        return GitHubPrincipals.SOURCE;
    }

    @Override
    public List<SettingSpec> settings() {
        return GitHubSettings.SPECS;
    }

    @Override
    public RateLimitRule rateLimits() {
        return GitHubRateLimits.rule();
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        GitHubSettings settings = GitHubSettings.from(definition, context.maxFileBytes());
        return new GitHubConnector(settings, new GitHubApi(settings.base(), context.http(), auth(definition, settings,
                context)), context.extractor());
    }

    private static GitHubAuth auth(SourceDefinition d, GitHubSettings settings, ConnectorContext context)
            throws InvalidSourceException {
        Optional<String> token = d.secret("token");
        if (token.isPresent()) {
            return GitHubAuth.token(token.get().strip());
        }
        Optional<String> appId = d.setting("app_id");
        Optional<String> installation = d.setting("installation_id");
        Optional<String> key = d.secret("private_key");
        if (appId.isEmpty() || installation.isEmpty() || key.isEmpty()) {
            throw new InvalidSourceException("github source " + d.id() + " needs the secret 'token', or 'app_id', "
                    + "'installation_id' and the secret 'private_key'");
        }
        if (!installation.get().chars().allMatch(Character::isDigit)) {
            throw new InvalidSourceException("github source " + d.id() + ": installation_id must be a number, was '"
                    + installation.get() + "'");
        }
        try {
            return new InstallationAuth(settings.base(), installation.get(), new AppJwt(appId.get(), key.get()),
                    context.http(), context.clock());
        } catch (GeneralSecurityException e) {
            throw new InvalidSourceException("github source " + d.id() + ": private_key cannot be read: "
                    + e.getMessage());
        }
    }
}
