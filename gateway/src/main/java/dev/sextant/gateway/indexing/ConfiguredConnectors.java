package dev.sextant.gateway.indexing;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.connectors.fs.FilesystemConnector;
import dev.sextant.connectors.fs.FilesystemConnectorConfig;
import dev.sextant.connectors.fs.FilesystemRoots;
import dev.sextant.gateway.SextantConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sources the configuration asks for: the demo corpus in demo mode, then each {@code --fs} folder.
 * Folders that are the same or nest are refused: a file must belong to one source only.
 */
final class ConfiguredConnectors {

    private static final int NAME_CHARS = 32;

    private ConfiguredConnectors() {
    }

    static List<ConfiguredSource> from(SextantConfig config) {
        Optional<Acl> defaultAcl = config.fs().defaultAcl().map(ConfiguredConnectors::parseDefaultAcl);
        return of(config.demo().enabled() ? Optional.of(config.demo().corpus()) : Optional.empty(),
                config.fs().roots().orElse(List.of()), defaultAcl, config.fs().maxFileMb() * 1024L * 1024L);
    }

    static List<ConfiguredSource> of(Optional<Path> demoCorpus, List<Path> roots, Optional<Acl> defaultAcl,
                                     long maxFileBytes) {
        List<Path> all = new ArrayList<>();
        demoCorpus.ifPresent(all::add);
        all.addAll(roots);
        requireDisjoint(all);
        List<ConfiguredSource> sources = new ArrayList<>();
        demoCorpus.ifPresent(corpus -> sources.add(source("demo", "demo",
                new FilesystemConnectorConfig(corpus, Optional.empty(), maxFileBytes))));
        for (Path root : roots) {
            FilesystemConnectorConfig fs = new FilesystemConnectorConfig(root, defaultAcl, maxFileBytes);
            sources.add(source(folderId(fs.root()), "filesystem", fs));
        }
        return sources;
    }

    private static ConfiguredSource source(String id, String kind, FilesystemConnectorConfig config) {
        return new ConfiguredSource(id, kind, config.root(), new FilesystemConnector(config));
    }

    /** {@code fs-}, the folder's name reduced to {@code [a-z0-9-]}, and six hex digits of the root's hash. */
    static String folderId(Path root) {
        Path name = root.getFileName();
        String slug = (name == null ? "" : name.toString()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > NAME_CHARS) {
            slug = slug.substring(0, NAME_CHARS);
        }
        String hash = HexFormat.of().formatHex(sha256(root.toString())).substring(0, 6);
        return "fs-" + (slug.isEmpty() ? "" : slug + "-") + hash;
    }

    /** {@link FilesystemRoots#requireDisjoint}, saying where folders come from. */
    static void requireDisjoint(List<Path> roots) {
        try {
            FilesystemRoots.requireDisjoint(roots);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source folders overlap: " + e.getMessage() + " (--fs, "
                    + "sextant.fs.roots; in demo mode the demo corpus counts as one)", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Acl parseDefaultAcl(String text) {
        try {
            return AclFormat.parse(text.replace(';', '\n'));
        } catch (AclSyntaxException e) {
            throw new IllegalArgumentException("sextant.fs.default-acl (--fs-default-acl) is not a valid ACL: "
                    + e.getMessage() + ". Use principals such as public, domain:example.com, group:idp:staff, "
                    + "user:someone@example.com; ';' separates clauses", e);
        }
    }
}
