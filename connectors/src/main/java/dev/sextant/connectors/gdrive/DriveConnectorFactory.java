package dev.sextant.connectors.gdrive;

import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code gdrive} sources: a service account with domain-wide delegation ({@code service_account_json} and
 * {@code subject}) or an OAuth refresh token ({@code client_id}, {@code client_secret}, {@code refresh_token}).
 */
public final class DriveConnectorFactory implements ConnectorFactory {

    static final String DRIVE_SCOPE = "https://www.googleapis.com/auth/drive.readonly";
    static final String GROUP_SCOPE = "https://www.googleapis.com/auth/admin.directory.group.readonly";
    static final String MEMBER_SCOPE = "https://www.googleapis.com/auth/admin.directory.group.member.readonly";
    static final String DEFAULT_DRIVE = "https://www.googleapis.com/drive/v3";
    static final String DEFAULT_ADMIN = "https://admin.googleapis.com/admin/directory/v1";
    static final String DEFAULT_TOKEN = "https://oauth2.googleapis.com/token";

    @Override
    public String kind() {
        return DriveConnector.KIND;
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                new SettingSpec("service_account_json", false, true,
                        "the service account's JSON key file (domain-wide delegation); or use the refresh token"),
                new SettingSpec("subject", false, false,
                        "the Workspace user the service account acts as, an admin when groups are synced"),
                new SettingSpec("client_id", false, false, "OAuth client id, with a refresh token"),
                new SettingSpec("client_secret", false, true, "OAuth client secret, with a refresh token"),
                new SettingSpec("refresh_token", false, true, "a user's OAuth refresh token, instead of a service account"),
                new SettingSpec("sync_groups", false, false, "true (default): read Google Groups through the Admin SDK"),
                new SettingSpec("customer", false, false, "Admin SDK customer for groups.list, default my_customer"),
                new SettingSpec("use_domain_admin_access", false, false,
                        "true: read shared-drive members as a domain admin (useDomainAdminAccess); default false"),
                new SettingSpec("drive_base_url", false, false, "default " + DEFAULT_DRIVE),
                new SettingSpec("admin_base_url", false, false, "default " + DEFAULT_ADMIN),
                new SettingSpec("token_url", false, false,
                        "default the key file's token_uri, or " + DEFAULT_TOKEN + " for a refresh token"));
    }

    /** The standard headers, and Google's 403/429 reasons ({@link GoogleRateLimits}). */
    @Override
    public RateLimitRule rateLimits() {
        return RateLimitRule.standard().or(GoogleRateLimits.INSTANCE);
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        boolean syncGroups = flag(definition, "sync_groups", true);
        List<String> scopes = new ArrayList<>(List.of(DRIVE_SCOPE));
        if (syncGroups) {
            scopes.addAll(List.of(GROUP_SCOPE, MEMBER_SCOPE));
        }
        String driveBase = base(definition, "drive_base_url", DEFAULT_DRIVE);
        String adminBase = base(definition, "admin_base_url", DEFAULT_ADMIN);
        SourceHttp http = context.http();
        AccessTokens.Grant grant;
        String hint;
        Optional<String> keyFile = definition.secret("service_account_json").or(() ->
                definition.setting("service_account_json"));
        if (keyFile.isPresent()) {
            ServiceAccountKey key = ServiceAccountKey.parse(keyFile.get());
            String subject = definition.required("subject");
            URI tokenUri = definition.setting("token_url").map(DriveConnectorFactory::uri).orElse(key.tokenUri());
            grant = new ServiceAccountGrant(key, subject, scopes, new TokenEndpoint(tokenUri, http, context.clock()),
                    context.clock());
            hint = "Check that " + subject + " is an active user of the domain, and that the admin console grants"
                    + " domain-wide delegation to the service account " + key.clientEmail()
                    + " (Security > API controls > Domain-wide delegation) with every scope below.";
        } else if (definition.secret("refresh_token").isPresent()) {
            URI tokenUri = uri(definition.setting("token_url").orElse(DEFAULT_TOKEN));
            grant = new RefreshTokenGrant(definition.required("client_id"), definition.required("client_secret"),
                    definition.required("refresh_token"), new TokenEndpoint(tokenUri, http, context.clock()));
            hint = "The refresh token may be revoked or expired, or issued to another client: create a new one"
                    + " with the scopes below.";
        } else {
            throw new InvalidSourceException("gdrive source " + definition.id() + " needs 'service_account_json' and"
                    + " 'subject', or 'client_id', 'client_secret' and 'refresh_token'");
        }
        AccessTokens tokens = new AccessTokens(grant, context.clock());
        GoogleApi api = new GoogleApi(http, tokens);
        Optional<DriveGroups> groups = syncGroups
                ? Optional.of(new DriveGroups(api, adminBase, definition.setting("customer").orElse("my_customer")))
                : Optional.empty();
        return new DriveConnector(definition.id(), new DriveListing(api, driveBase),
                new DrivePermissions(api, driveBase, flag(definition, "use_domain_admin_access", false),
                        context.clock()),
                new DriveContent(api, driveBase, context.extractor(), context.limits(), context.maxFileBytes()),
                groups, new DriveCheck(tokens, api, driveBase, groups, scopes, hint));
    }

    private static boolean flag(SourceDefinition definition, String name, boolean otherwise)
            throws InvalidSourceException {
        Optional<String> value = definition.setting(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSourceException("gdrive setting '" + name + "' must be true or false, was '"
                    + value.get() + "'");
        };
    }

    private static String base(SourceDefinition definition, String name, String otherwise)
            throws InvalidSourceException {
        String value = definition.setting(name).orElse(otherwise);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new InvalidSourceException("gdrive setting '" + name + "' must be an http(s) URL, was '" + value + "'");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static URI uri(String value) {
        return URI.create(value.strip());
    }
}
