package dev.sextant.gateway.indexing;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclFormat;
import dev.sextant.acl.AclSyntaxException;
import dev.sextant.connectors.Connector;
import dev.sextant.connectors.fs.FilesystemConnector;
import dev.sextant.connectors.fs.FilesystemConnectorConfig;
import dev.sextant.gateway.SextantConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The connectors the configuration asks for: the demo corpus in demo mode, then each {@code --fs} folder. */
final class ConfiguredConnectors {

    private ConfiguredConnectors() {
    }

    static List<Connector> from(SextantConfig config) {
        long maxBytes = config.fs().maxFileMb() * 1024L * 1024L;
        List<Connector> connectors = new ArrayList<>();
        if (config.demo().enabled()) {
            connectors.add(new FilesystemConnector(new FilesystemConnectorConfig(config.demo().corpus(),
                    Optional.empty(), maxBytes)));
        }
        Optional<Acl> defaultAcl = config.fs().defaultAcl().map(ConfiguredConnectors::parseDefaultAcl);
        for (Path root : config.fs().roots().orElse(List.of())) {
            connectors.add(new FilesystemConnector(new FilesystemConnectorConfig(root, defaultAcl, maxBytes)));
        }
        return connectors;
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
