package dev.sextant.connectors.github;

import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub source's settings: where the API is, whose repositories (an organisation's or a user's), which of
 * them by name, and the size past which a file is skipped.
 *
 * @param org  the organisation whose repositories, members and teams are read; empty for a user's repositories
 * @param user the user whose repositories are read when there is no organisation
 */
record GitHubSettings(String sourceId, URI base, Optional<String> org, Optional<String> user, List<Pattern> include,
                      List<Pattern> exclude, long maxFileBytes, boolean issues) {

    static final String DEFAULT_BASE = "https://api.github.com";
    /** Files larger than this are rarely documentation; code search engines cap lower still. */
    static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec("base_url", false, false, "API base URL; default " + DEFAULT_BASE
                    + ", GitHub Enterprise Server https://HOST/api/v3"),
            new SettingSpec("org", false, false, "organisation whose repositories, members and teams are indexed"),
            new SettingSpec("user", false, false, "user whose repositories are indexed (instead of org)"),
            new SettingSpec("include", false, false, "repository name globs to index (comma separated); default all"),
            new SettingSpec("exclude", false, false, "repository name globs to leave out (comma separated)"),
            new SettingSpec("max_file_bytes", false, false, "files larger than this are skipped; default 1048576"),
            new SettingSpec("issues", false, false, "index issues and pull requests with their comments; default true"),
            new SettingSpec("token", false, true, "personal access token (scopes repo, read:org)"),
            new SettingSpec("app_id", false, false, "GitHub App id (with installation_id and private_key)"),
            new SettingSpec("installation_id", false, false, "the GitHub App's installation id"),
            new SettingSpec("private_key", false, true, "the GitHub App's private key (PEM)"));

    static GitHubSettings from(SourceDefinition d, long platformMaxFileBytes) throws InvalidSourceException {
        Optional<String> org = d.setting("org");
        Optional<String> user = d.setting("user");
        if (org.isPresent() == user.isPresent()) {
            throw new InvalidSourceException("github source " + d.id() + " needs exactly one of 'org' or 'user'");
        }
        long max = Math.min(platformMaxFileBytes > 0 ? platformMaxFileBytes : Long.MAX_VALUE,
                number(d, "max_file_bytes", DEFAULT_MAX_FILE_BYTES));
        return new GitHubSettings(d.id(), base(d), org, user, globs(d, "include"), globs(d, "exclude"), max,
                !d.setting("issues").map(v -> v.equalsIgnoreCase("false")).orElse(false));
    }

    /** The login that owns the repositories. */
    String owner() {
        return org.or(() -> user).orElseThrow();
    }

    /** Whether a repository of this name is indexed: it matches an include glob (or there are none) and no exclude. */
    boolean wanted(String repoName) {
        String name = repoName.toLowerCase(Locale.ROOT);
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).matches()))
                && exclude.stream().noneMatch(p -> p.matcher(name).matches());
    }

    private static URI base(SourceDefinition d) throws InvalidSourceException {
        String raw = d.setting("base_url").orElse(DEFAULT_BASE);
        try {
            URI uri = new URI(raw.endsWith("/") ? raw : raw + "/");
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidSourceException("github source " + d.id() + ": base_url must be an http(s) URL, was '"
                        + raw + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSourceException("github source " + d.id() + ": base_url is not a URL: " + e.getMessage());
        }
    }

    private static long number(SourceDefinition d, String name, long fallback) throws InvalidSourceException {
        Optional<String> value = d.setting(name);
        try {
            long n = value.map(Long::parseLong).orElse(fallback);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSourceException("github source " + d.id() + ": " + name
                    + " must be a positive number of bytes, was '" + value.orElse("") + "'");
        }
    }

    /** Globs: {@code *} any run of characters, {@code ?} one; case-insensitive, as GitHub names are. */
    private static List<Pattern> globs(SourceDefinition d, String name) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : d.setting(name).orElse("").split(",")) {
            String g = glob.strip().toLowerCase(Locale.ROOT);
            if (g.isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (char c : g.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        return List.copyOf(patterns);
    }
}
