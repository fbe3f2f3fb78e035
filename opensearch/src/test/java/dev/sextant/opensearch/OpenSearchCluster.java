package dev.sextant.opensearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cluster the tests run against, named by {@code SEXTANT_OPENSEARCH_URL} (.ci/opensearch.sh starts one);
 * without it the tests are skipped. Each test class names its indexes with its own prefix and drops them after.
 */
final class OpenSearchCluster {

    static final String URL_VARIABLE = "SEXTANT_OPENSEARCH_URL";

    private final String classPrefix;
    private final Set<OpenSearchSettings> opened = ConcurrentHashMap.newKeySet();

    OpenSearchCluster(String classPrefix) {
        this.classPrefix = classPrefix;
    }

    static String url() {
        String url = System.getenv(URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set: the OpenSearch tests need a running "
                + "cluster (.ci/opensearch.sh starts a two-node one and exports it)");
        return url;
    }

    /** Two shards and a replica, so that statistics and filters are exercised across shards and nodes. */
    OpenSearchSettings settingsFor(Path dir) {
        String prefix = classPrefix + "-" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode());
        OpenSearchSettings settings = new OpenSearchSettings(URI.create(url()), prefix, 2, 1);
        opened.add(settings);
        return settings;
    }

    void dropAll() throws IOException {
        for (OpenSearchSettings settings : opened) {
            OpenSearchIndex.drop(settings);
        }
        opened.clear();
    }
}
