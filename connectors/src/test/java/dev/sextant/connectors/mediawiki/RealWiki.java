package dev.sextant.connectors.mediawiki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * The real wiki {@code .ci/mediawiki.sh} serves, as the tests drive it: bot passwords made with
 * {@code maintenance/createBotPassword.php}, edits, moves and deletions through the API as the admin's seeding bot,
 * and {@code Sextant.php}, which its LocalSettings.php includes, for permission changes.
 */
final class RealWiki {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOW = "no real MediaWiki: `source .ci/mediawiki.sh` (as root on Debian 12; it installs the "
            + "mediawiki and php-sqlite3 packages and serves a wiki on 127.0.0.1:8765) and run the tests from that shell";

    final URI api;
    final Path configDir;
    final Path install;
    final String admin;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String csrf;

    private RealWiki(URI api, Path configDir, Path install, String admin) {
        this.api = api;
        this.configDir = configDir;
        this.install = install;
        this.admin = admin;
    }

    /** The wiki the environment names, if it names one and it answers. */
    static Optional<RealWiki> fromEnvironment() {
        String url = System.getenv("SEXTANT_MEDIAWIKI_URL");
        String dir = System.getenv("SEXTANT_MEDIAWIKI_DIR");
        String install = System.getenv("SEXTANT_MEDIAWIKI_INSTALL");
        String admin = System.getenv("SEXTANT_MEDIAWIKI_ADMIN");
        if (url == null || dir == null || install == null || admin == null) {
            return Optional.empty();
        }
        return Optional.of(new RealWiki(URI.create(url), Path.of(dir), Path.of(install), admin));
    }

    /** A new bot password for the admin with these grants; returns its login name and password. */
    MediaWikiApi.Credentials createBotPassword(String appPrefix, String grants) throws IOException, InterruptedException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        String app = appPrefix + HexFormat.of().formatHex(random, 0, 4);
        ProcessBuilder process = new ProcessBuilder("php", install.resolve("maintenance/createBotPassword.php")
                .toString(), "--grants", grants, "--appid", app, admin, password).redirectErrorStream(true);
        process.environment().put("MW_CONFIG_FILE", configDir.resolve("LocalSettings.php").toString());
        Process p = process.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("createBotPassword.php failed: " + out);
        }
        return new MediaWikiApi.Credentials(admin + "@" + app, password);
    }

    /** Logs the seeding client in with a bot password that may edit, move and delete. */
    void loginToSeed(MediaWikiApi.Credentials bot) throws IOException, InterruptedException {
        String token = call(Map.of("action", "query", "meta", "tokens", "type", "login"))
                .path("query").path("tokens").path("logintoken").asText();
        JsonNode login = call(Map.of("action", "login", "lgname", bot.username(), "lgpassword", bot.password(),
                "lgtoken", token));
        if (!"Success".equals(login.path("login").path("result").asText())) {
            throw new IOException("seeding login failed: " + login);
        }
        csrf = call(Map.of("action", "query", "meta", "tokens")).path("query").path("tokens").path("csrftoken").asText();
    }

    long edit(String title, String text) throws IOException, InterruptedException {
        JsonNode r = write(Map.of("action", "edit", "title", title, "text", text, "bot", "1"));
        return r.path("edit").path("pageid").asLong();
    }

    void move(String from, String to) throws IOException, InterruptedException {
        write(Map.of("action", "move", "from", from, "to", to, "reason", "test"));
    }

    void delete(String title) throws IOException, InterruptedException {
        write(Map.of("action", "delete", "title", title, "reason", "test"));
    }

    /** Anonymous reading on or off ({@code $wgGroupPermissions['*']['read']}), effective on the next request. */
    void anonymousRead(boolean allowed) throws IOException {
        Path settings = configDir.resolve("Sextant.php");
        if (allowed) {
            Files.deleteIfExists(settings);
        } else {
            Files.writeString(settings, "<?php\n$wgGroupPermissions['*']['read'] = false;\n");
        }
    }

    private JsonNode write(Map<String, String> params) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("token", csrf);
        JsonNode r = call(all);
        if (r.has("error")) {
            throw new IOException(params.get("action") + " failed: " + r.get("error"));
        }
        return r;
    }

    private JsonNode call(Map<String, String> params) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("format", "json");
        all.put("formatversion", "2");
        StringJoiner form = new StringJoiner("&");
        all.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    static List<Integer> namespaces() {
        return List.of(0, 4);
    }
}
