package dev.sextant.connectors.fs;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.ConnectorFactory;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SettingSpec;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Kind {@code filesystem}: a folder on the server, with ACLs from {@code .sextant-acl} sidecars. Settings:
 * {@code root} (absolute path), {@code default_acl} (the ACL of files no sidecar covers; {@code ;} separates
 * clauses) and {@code max_file_mb}.
 */
public final class FilesystemConnectorFactory implements ConnectorFactory {

    public static final String KIND = "filesystem";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<SettingSpec> settings() {
        return List.of(
                new SettingSpec("root", true, false, "absolute path of the folder to index, on the server"),
                new SettingSpec("default_acl", false, false, "ACL of files no .sextant-acl sidecar covers, e.g. "
                        + "public or group:idp:staff; ';' separates clauses; without it such files are readable by "
                        + "nobody"),
                new SettingSpec("max_file_mb", false, false,
                        "files larger than this many MiB are skipped (default 20)"));
    }

    @Override
    public SourceConnector create(SourceDefinition definition, ConnectorContext context) throws InvalidSourceException {
        Path root = root(definition.required("root"));
        Optional<Acl> defaultAcl = definition.setting("default_acl").isEmpty() ? Optional.empty()
                : Optional.of(acl(definition.setting("default_acl").get()));
        long maxBytes = definition.setting("max_file_mb").isPresent()
                ? megabytes(definition.setting("max_file_mb").get()) * 1024L * 1024L : context.maxFileBytes();
        FilesystemConnectorConfig config = new FilesystemConnectorConfig(root, defaultAcl, maxBytes, context.limits());
        return new FilesystemSource(definition.id(), new FilesystemConnector(config));
    }

    private static Path root(String text) throws InvalidSourceException {
        try {
            Path root = Path.of(text);
            if (!root.isAbsolute()) {
                throw new InvalidSourceException("'root' must be an absolute path, was '" + text + "'");
            }
            return root.normalize();
        } catch (InvalidPathException e) {
            throw new InvalidSourceException("'root' is not a path: " + e.getMessage());
        }
    }

    private static Acl acl(String text) throws InvalidSourceException {
        try {
            return AclFormat.parse(text.replace(';', '\n'));
        } catch (AclSyntaxException e) {
            throw new InvalidSourceException("'default_acl' is not a valid ACL: " + e.getMessage()
                    + " (principals such as public, domain:example.com, group:idp:staff; ';' separates clauses)");
        }
    }

    private static long megabytes(String text) throws InvalidSourceException {
        try {
            long mb = Long.parseLong(text.strip());
            if (mb < 1 || mb > 2000) {
                throw new InvalidSourceException("'max_file_mb' must be between 1 and 2000, was " + mb);
            }
            return mb;
        } catch (NumberFormatException e) {
            throw new InvalidSourceException("'max_file_mb' must be a whole number of MiB, was '" + text + "'");
        }
    }
}
