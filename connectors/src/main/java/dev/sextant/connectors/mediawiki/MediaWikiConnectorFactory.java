package dev.sextant.connectors.mediawiki;

import dev.sextant.acl.Principal;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Makes {@code mediawiki} sources ({@link MediaWikiConnector}) from their definitions. */
public final class MediaWikiConnectorFactory implements ConnectorFactory {

    static final int DEFAULT_MAXLAG = 5;

    @Override
    public String kind() {
        return "mediawiki";
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                new SettingSpec("api_url", false, false, "the wiki's api.php, e.g. https://wiki.example.com/w/api.php "
                        + "(this or dump_path)"),
                new SettingSpec("dump_path", false, false, "an XML dump to import instead (export schema 0.10/0.11, "
                        + ".xml or .xml.gz); its pages are readable by reader_principal, which may be public"),
                new SettingSpec("namespaces", false, false, "namespace numbers to index, comma separated (default 0)"),
                new SettingSpec("reader_principal", false, false, "who 'any logged-in user' is when the wiki denies "
                        + "anonymous reading, e.g. domain:example.com"),
                new SettingSpec("username", false, false, "bot password login name, User@botname"),
                new SettingSpec("password", false, true, "the bot password (Special:BotPasswords, grant 'basic')"),
                new SettingSpec("maxlag", false, false, "maxlag sent with every request, seconds (default 5)"));
    }

    /** MediaWiki's {@code maxlag} and {@code ratelimited} errors, after the standard headers. */
    @Override
    public RateLimitRule rateLimits() {
        return RateLimitRule.standard().or(MediaWikiRateLimits.INSTANCE);
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        Optional<String> dump = definition.setting("dump_path");
        if (dump.isPresent()) {
            return dumpImport(definition, Path.of(dump.get()));
        }
        return create(config(definition), credentials(definition), context.http());
    }

    private static MediaWikiDumpImport dumpImport(SourceDefinition definition, Path dump)
            throws InvalidSourceException {
        String where = "mediawiki source " + definition.id() + ": ";
        if (definition.setting("api_url").isPresent()) {
            throw new InvalidSourceException(where + "set 'api_url' or 'dump_path', not both");
        }
        if (!Files.isReadable(dump)) {
            throw new InvalidSourceException(where + "'dump_path' " + dump + " is not a readable file");
        }
        Principal readers;
        try {
            readers = Principal.parse(definition.required("reader_principal"));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(where + "'reader_principal': " + e.getMessage());
        }
        return new MediaWikiDumpImport(definition.id(), dump, namespaces(definition, where),
                Acl.of(AclClause.of(readers)));
    }

    static MediaWikiConnector create(MediaWikiConnector.Config config,
                                     Optional<MediaWikiApi.Credentials> credentials, SourceHttp http) {
        return new MediaWikiConnector(config, new MediaWikiApi(config.api(), http, config.maxlag(), credentials));
    }

    static MediaWikiConnector.Config config(SourceDefinition definition) throws InvalidSourceException {
        String where = "mediawiki source " + definition.id() + ": ";
        URI api;
        try {
            api = new URI(definition.required("api_url"));
        } catch (URISyntaxException e) {
            throw new InvalidSourceException(where + "'api_url' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(api.getScheme()) && !"https".equals(api.getScheme()) || api.getHost() == null) {
            throw new InvalidSourceException(where + "'api_url' must be an http(s) URL of api.php, was " + api);
        }
        List<Integer> namespaces = namespaces(definition, where);
        Optional<Principal> reader;
        try {
            reader = definition.setting("reader_principal").map(Principal::parse);
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException(where + "'reader_principal': " + e.getMessage());
        }
        if (reader.isPresent() && reader.get().equals(Principal.PUBLIC)) {
            throw new InvalidSourceException(where + "'reader_principal' cannot be public: it stands for the wiki's "
                    + "logged-in users");
        }
        int maxlag;
        try {
            maxlag = definition.setting("maxlag").map(Integer::parseInt).orElse(DEFAULT_MAXLAG);
        } catch (NumberFormatException e) {
            throw new InvalidSourceException(where + "'maxlag' must be a whole number of seconds");
        }
        return new MediaWikiConnector.Config(definition.id(), api, namespaces, reader, maxlag);
    }

    private static List<Integer> namespaces(SourceDefinition definition, String where) throws InvalidSourceException {
        List<Integer> namespaces = new ArrayList<>();
        for (String ns : definition.setting("namespaces").orElse("0").split(",")) {
            try {
                namespaces.add(Integer.parseInt(ns.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidSourceException(where + "'namespaces' must be namespace numbers, comma separated "
                        + "(0 main, 4 project, ...), not '" + ns.strip() + "'");
            }
        }
        return namespaces;
    }

    private static Optional<MediaWikiApi.Credentials> credentials(SourceDefinition definition)
            throws InvalidSourceException {
        Optional<String> user = definition.setting("username");
        Optional<String> password = definition.secret("password");
        if (user.isPresent() != password.isPresent()) {
            throw new InvalidSourceException("mediawiki source " + definition.id()
                    + " needs both 'username' (User@botname) and the secret 'password', or neither");
        }
        return user.map(u -> new MediaWikiApi.Credentials(u, password.get()));
    }
}
